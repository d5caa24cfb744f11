using System.Collections.Concurrent;

namespace Visitation.Messaging.Tests.Outbox;

/// <summary>
/// One sequence of numbered entries shared by every dispatcher instance and writer of a test: a
/// round begun (the instance holds the dispatch lock), an event published, a round about to commit
/// (the last moment it still holds the lock). Numbers come from one interlocked counter, so the
/// entries' order is the order in which these moments happened.
/// </summary>
internal sealed class DispatchLedger
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private long _sequence;

    /// <summary>The entries so far, in the order they happened.</summary>
    public IReadOnlyList<Entry> Entries => [.. _entries.OrderBy(e => e.Sequence)];

    public int PublishedCount => _entries.Count(e => e.Kind == EntryKind.Published);

    /// <summary>The next number, for a moment a writer records (its commit starting or returning).</summary>
    public long Next() => Interlocked.Increment(ref _sequence);

    /// <summary>A dispatcher instance's broker and round observer, writing to this ledger under its name.</summary>
    public Instance For(string name) => new(name, this);

    private void Record(string instance, EntryKind kind, Guid messageId = default) =>
        _entries.Enqueue(new Entry(Next(), instance, kind, messageId));

    internal sealed class Instance(string name, DispatchLedger ledger) : IOutboxTransport, IOutboxRoundObserver
    {
        public void RoundStarted() => ledger.Record(name, EntryKind.RoundStarted);

        public void RoundCommitting() => ledger.Record(name, EntryKind.RoundCommitting);

        public Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
        {
            ledger.Record(name, EntryKind.Published, row.MessageId);
            return Task.CompletedTask;
        }

        public Task SendAsync(ScheduledMessage row, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

internal enum EntryKind
{
    RoundStarted,
    Published,
    RoundCommitting,
}

internal sealed record Entry(long Sequence, string Instance, EntryKind Kind, Guid MessageId);
