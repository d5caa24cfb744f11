using Microsoft.EntityFrameworkCore;

namespace Visitation.Messaging.Tests.Infrastructure;

/// <summary>
/// Stands in for the broker: records what the dispatcher hands over, in order. It can refuse one
/// message (a broker that nacks), or let the round die right after a publish (the host stopping
/// between publish and commit). Before recording a publish it checks the row is committed: an
/// event must never leave before the state change that caused it is durable. Given a
/// <paramref name="broker"/>, it also hands every message on to it.
/// </summary>
internal sealed class RecordingTransport(TestDatabase database, IOutboxTransport? broker = null) : IOutboxTransport
{
    private readonly List<Guid> _published = [];
    private readonly List<ScheduledMessage> _sent = [];

    public IReadOnlyList<Guid> Published => _published;

    public IReadOnlyList<ScheduledMessage> Sent => _sent;

    /// <summary>The broker is away: every publish fails (until cleared).</summary>
    public bool Down { get; set; }

    /// <summary>How many publishes failed, refused or with the broker away.</summary>
    public int Failures { get; private set; }

    /// <summary>Publishes never return, as after a broker restart that lost their confirms (until cleared); they ignore their token.</summary>
    public bool Hangs { get; set; }

    /// <summary>Hanging publishes whose token was cancelled: what makes a real publish let go of its channel.</summary>
    public int HangsCancelled => Volatile.Read(ref _hangsCancelled);

    private int _hangsCancelled;

    /// <summary>The broker refuses this message (until cleared).</summary>
    public Guid? Refuse { get; set; }

    /// <summary>Whether each publish first checks, on a connection of its own, that its row is committed (a context per row: off for thousands).</summary>
    public bool ChecksCommitted { get; init; } = true;

    /// <summary>The round dies right after this message went out, before it could commit.</summary>
    public Guid? DieAfter { get; set; }

    public async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        if (Hangs)
        {
            Failures++;
            cancellationToken.Register(() => Interlocked.Increment(ref _hangsCancelled));
            await new TaskCompletionSource().Task; // no confirm and no error: the dispatcher's limit must end the wait
        }

        if (Down || row.MessageId == Refuse)
        {
            Failures++;
            throw new InvalidOperationException("The broker did not confirm the publish.");
        }

        if (ChecksCommitted)
        {
            await using var elsewhere = database.NewContext();
            // Another connection sees only committed rows.
            if (!await elsewhere.OutboxMessages.AnyAsync(m => m.MessageId == row.MessageId, cancellationToken))
            {
                throw new InvalidOperationException($"Message {row.MessageId} was published before its transaction committed.");
            }
        }

        if (broker is not null)
        {
            await broker.PublishAsync(row, cancellationToken);
        }

        _published.Add(row.MessageId);
        if (row.MessageId == DieAfter)
        {
            throw new OperationCanceledException("The host stopped after the publish, before the round committed.");
        }
    }

    public async Task SendAsync(ScheduledMessage row, CancellationToken cancellationToken)
    {
        if (broker is not null)
        {
            await broker.SendAsync(row, cancellationToken);
        }

        _sent.Add(row);
    }
}
