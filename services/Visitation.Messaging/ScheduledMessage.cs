using System.Text.Json;

namespace Visitation.Messaging;

/// <summary>
/// A message to be sent to one queue at a later time — a delayed redelivery, and any other "later"
/// a service needs (hold expiry, reminders, deadlines). Kept in the service's own database, because
/// the broker here has no delayed-message plugin; the outbox dispatcher sends it when it falls due.
/// </summary>
public sealed class ScheduledMessage
{
    public long Id { get; private set; }
    public Guid MessageId { get; private set; }
    public string MessageType { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public string Destination { get; private set; } = string.Empty;
    public DateTimeOffset DueAt { get; private set; }
    public int Redeliveries { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// Stamps the row sent; a body carrying personal data is cleared at the same time, so the row
    /// kept until the clean-up holds none (docs/data-minimisation.md).
    /// </summary>
    public void MarkSent(DateTimeOffset at)
    {
        SentAt = at;
        if (MessageJson.CarriesPersonalData(MessageType))
        {
            Body = MessageJson.ClearedBody;
        }
    }

    public static ScheduledMessage Create(object message, string destinationQueue, DateTimeOffset dueAt, DateTimeOffset now, Guid? messageId = null, int redeliveries = 0, string? reason = null) => new()
    {
        MessageId = messageId ?? Guid.NewGuid(),
        MessageType = message.GetType().FullName!,
        Body = JsonSerializer.Serialize(message, message.GetType(), MessageJson.Options),
        Destination = destinationQueue,
        DueAt = dueAt,
        Redeliveries = redeliveries,
        Reason = reason is { Length: > 2000 } ? reason[..2000] : reason,
        CreatedAt = now,
    };
}
