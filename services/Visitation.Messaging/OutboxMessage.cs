using System.Diagnostics;
using System.Text.Json;

namespace Visitation.Messaging;

/// <summary>
/// An event waiting to be published. Written in the same transaction as the state change that
/// caused it; the dispatcher publishes rows in id order and stamps <see cref="SentAt"/> (<see cref="OutboxRows"/>).
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>
    /// The row's place in the publishing order, drawn when its transaction commits
    /// (<see cref="OutboxCommitInterceptor"/>): the object a service published never learns it, so
    /// identify a row by <see cref="MessageId"/>.
    /// </summary>
    public long Id { get; private set; }
    public Guid MessageId { get; private set; }
    public string MessageType { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public string? TraceParent { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage Create(object message, DateTimeOffset now) => new()
    {
        MessageId = Guid.NewGuid(),
        MessageType = message.GetType().FullName!,
        Body = JsonSerializer.Serialize(message, message.GetType(), MessageJson.Options),
        TraceParent = Activity.Current?.Id,
        CreatedAt = now,
    };
}
