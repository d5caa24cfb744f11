using System.Diagnostics;
using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Outbox;

/// <summary>
/// Two instances of a service dispatch one outbox while writers commit events concurrently. Every
/// round, publish and commit is numbered in one <see cref="DispatchLedger"/>, so the test sees how
/// the instances' rounds and the writers' commits really interleaved.
/// </summary>
public sealed class CompetingDispatcherTests : DatabaseTest
{
    private const int Writers = 4;
    private const int EventsPerWriter = 25;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TwoInstancesPublishEveryEventOnceInCommitOrderInRoundsThatNeverOverlap()
    {
        var ledger = new DispatchLedger();
        var writers = Enumerable.Range(1, Writers).Select(writer => WriteAsync(writer, ledger)).ToList();
        var instances = new[] { "instance-a", "instance-b" }.Select(name => DispatchUntilAllPublishedAsync(name, ledger)).ToList();
        var commits = (await Task.WhenAll(writers)).SelectMany(c => c).ToList();
        await Task.WhenAll(instances);

        var entries = ledger.Entries;
        var published = entries.Where(e => e.Kind == EntryKind.Published).Select(e => e.MessageId).ToList();
        // Every event exactly once.
        Assert.Equal(commits.Select(c => c.MessageId).Order(), published.Order());
        AssertRoundsNeverOverlap(entries);
        // Both instances took part, so the rounds above really competed.
        Assert.All(new[] { "instance-a", "instance-b" }, name => Assert.Contains(entries, e => e.Instance == name && e.Kind == EntryKind.Published));
        AssertPublishedInCommitOrder(commits, published);
        Assert.Equal(0, await Database.UnsentCountAsync());
    }

    /// <summary>
    /// Commits events one after another, each with a state change saved after the event, so that
    /// the event's id is drawn well before its commit and the writers' transactions overlap.
    /// </summary>
    private async Task<List<Commit>> WriteAsync(int writer, DispatchLedger ledger)
    {
        var ct = TestContext.Current.CancellationToken;
        var commits = new List<Commit>();
        for (var number = 1; number <= EventsPerWriter; number++)
        {
            await using var db = Database.NewContext();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var plan = (writer * 1000) + number;
            db.Publish(new PlanFiled(plan), Now);
            await db.SaveChangesAsync(ct);
            db.Tallies.Add(new Tally { Name = $"writer-{writer}-{number}", Count = number });
            await db.SaveChangesAsync(ct);
            var started = ledger.Next();
            await transaction.CommitAsync(ct);
            var returned = ledger.Next();
            commits.Add(new Commit(await Database.EventIdAsync(plan), started, returned));
        }

        return commits;
    }

    /// <summary>An instance's dispatch loop: rounds back to back, a short pause when there was nothing to publish.</summary>
    private async Task DispatchUntilAllPublishedAsync(string name, DispatchLedger ledger)
    {
        var instance = ledger.For(name);
        var dispatcher = Dispatchers.Create(new ManualClock(Now), batchSize: 5, observer: instance);
        var transport = new RecordingTransport(Database, instance);
        var waited = Stopwatch.StartNew();
        while (ledger.PublishedCount < Writers * EventsPerWriter && waited.Elapsed < Patience)
        {
            if (await dispatcher.RoundAsync(Database, transport) == 0)
            {
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }
        }
    }

    /// <summary>
    /// Read in the ledger's order, every round is: its start, its publishes, its end, with no entry
    /// of another instance in between.
    /// </summary>
    private static void AssertRoundsNeverOverlap(IReadOnlyList<Entry> entries)
    {
        string? holder = null;
        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case EntryKind.RoundStarted:
                    Assert.True(holder is null, $"#{entry.Sequence}: {entry.Instance} began a round inside a round of {holder}");
                    holder = entry.Instance;
                    break;
                case EntryKind.Published:
                    Assert.True(holder == entry.Instance, $"#{entry.Sequence}: {entry.Instance} published outside a round of its own (holder: {holder ?? "none"})");
                    break;
                case EntryKind.RoundCommitting:
                    Assert.True(holder == entry.Instance, $"#{entry.Sequence}: {entry.Instance} ended a round it did not hold (holder: {holder ?? "none"})");
                    holder = null;
                    break;
            }
        }
    }

    /// <summary>
    /// Whenever one event's commit had returned before another's began, the first was published
    /// first. (Two commits in flight at the same moment have no order a client can observe.)
    /// </summary>
    private static void AssertPublishedInCommitOrder(IReadOnlyList<Commit> commits, IReadOnlyList<Guid> published)
    {
        var position = published.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var overtaken = (
            from earlier in commits
            from later in commits
            where earlier.Returned < later.Started && position[later.MessageId] < position[earlier.MessageId]
            select $"{later.MessageId} (commit began #{later.Started}) went out before {earlier.MessageId} (committed by #{earlier.Returned})").ToList();
        Assert.True(overtaken.Count == 0, $"{overtaken.Count} events overtook an event committed before them, e.g. {string.Join("; ", overtaken.Take(3))}");
    }

    private sealed record Commit(Guid MessageId, long Started, long Returned);
}
