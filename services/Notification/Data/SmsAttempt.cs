namespace Visitation.Notification.Data;

/// <summary>
/// One call to a provider for one SMS, recorded (and committed) before the call: its id is what the
/// provider carries as OutId / SessionContext, so a receipt or a query names the attempt, and an
/// attempt still <see cref="SmsAttemptOutcome.Unknown"/> after a crash is settled by asking the
/// provider before the SMS is ever sent again.
/// </summary>
public sealed class SmsAttempt
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public int Number { get; set; }
    public string Provider { get; set; } = string.Empty;
    public DateTimeOffset StartedAt { get; set; }
    public SmsAttemptOutcome Outcome { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? ProviderCode { get; set; }
    public DateTimeOffset? SettledAt { get; set; }

    public void Settle(SmsAttemptOutcome outcome, string? providerMessageId, string? providerCode, DateTimeOffset now)
    {
        Outcome = outcome;
        ProviderMessageId = providerMessageId ?? ProviderMessageId;
        ProviderCode = providerCode;
        SettledAt = now;
    }
}

public enum SmsAttemptOutcome
{
    /// <summary>Called (or about to be); nothing recorded of the answer yet.</summary>
    Unknown,
    Accepted,
    Throttled,
    TemporaryFailure,
    PermanentFailure,

    /// <summary>The provider, asked after a crash, never had it: the SMS may be sent again.</summary>
    NeverArrived,
}
