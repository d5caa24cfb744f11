namespace Visitation.Notification.Data;

/// <summary>
/// One SMS to one family member. <see cref="DedupKey"/> names the outcome it reports (e.g. the
/// application's rejection), and is unique: however often an event arrives, the family hears once.
/// </summary>
public sealed class SmsMessage
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string DedupKey { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string Phone { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
    public SmsStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? GatewayId { get; set; }
    public string? LastError { get; set; }

    /// <summary>Retention (docs/retention.md): the phone and the text go (and the gateway's last error, which may quote them); kind, status and times stay.</summary>
    public void Anonymise()
    {
        Phone = string.Empty;
        Text = string.Empty;
        LastError = null;
    }
}
