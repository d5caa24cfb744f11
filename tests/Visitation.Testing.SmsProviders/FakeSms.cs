namespace Visitation.Testing.SmsProviders;

/// <summary>
/// One SMS a fake provider accepted: its own id, our id as it came (OutId / SessionContext), the
/// number, sign name, template and variables, and — once <see cref="FakeSmsServer.Deliver"/> decided —
/// its receipt.
/// </summary>
public sealed record FakeSms(
    string ProviderId,
    string? OurId,
    string Phone,
    string SignName,
    string TemplateCode,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    DateTimeOffset AcceptedAt)
{
    /// <summary>Null until a receipt is decided; true delivered, false failed with <see cref="ReceiptCode"/>.</summary>
    public bool? Delivered { get; internal set; }

    public string? ReceiptCode { get; internal set; }

    public string? ReceiptDescription { get; internal set; }

    public DateTimeOffset? ReportedAt { get; internal set; }

    /// <summary>Whether the receipt was already handed out by a pull that consumes it (Tencent's PullSmsSendStatus).</summary>
    internal bool Pulled { get; set; }
}
