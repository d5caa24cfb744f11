namespace Visitation.Messaging.FaultInjection;

/// <summary>The dispatcher's transport with the publish crash point after each broker confirm.</summary>
internal sealed class KillAfterConfirmTransport(IOutboxTransport inner, CrashPoints crashPoints) : IOutboxTransport
{
    public async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        await inner.PublishAsync(row, cancellationToken); // returns once the broker confirmed
        crashPoints.PublishConfirmed(row.MessageType);
    }

    public Task SendAsync(ScheduledMessage row, CancellationToken cancellationToken) => inner.SendAsync(row, cancellationToken);
}
