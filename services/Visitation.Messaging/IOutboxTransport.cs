namespace Visitation.Messaging;

/// <summary>
/// Where the dispatcher hands committed rows: the broker in a running service
/// (<see cref="BusOutboxTransport"/>); a recorder in the messaging library's own unit tests, so
/// the dispatcher's ordering and recovery can be checked without a broker.
/// </summary>
internal interface IOutboxTransport
{
    /// <summary>Publishes an outbox row's event under the row's message id; returns once the broker has it.</summary>
    Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken);

    /// <summary>Sends a scheduled message that fell due to its queue, under the row's message id.</summary>
    Task SendAsync(ScheduledMessage row, CancellationToken cancellationToken);
}
