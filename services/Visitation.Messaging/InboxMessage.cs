namespace Visitation.Messaging;

/// <summary>A message a consumer has already handled; its key makes redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public string Consumer { get; set; } = string.Empty;
    public DateTimeOffset ReceivedAt { get; set; }
}
