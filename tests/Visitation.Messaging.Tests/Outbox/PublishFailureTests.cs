using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Outbox;

/// <summary>
/// A publish that fails does not undo anything: the state change and its event stay committed, the
/// event waits in the outbox, and it goes out once the broker is back — once, and in order.
/// </summary>
public sealed class PublishFailureTests : DatabaseTest
{
    [Fact]
    public async Task EventsTheBrokerCannotTakeStayCommittedAndArePublishedOnceInOrderWhenItIsBack()
    {
        List<Guid> committed = [
            await Database.CommitPlanAsync("first", 1, Now),
            await Database.CommitPlanAsync("second", 2, Now),
            await Database.CommitPlanAsync("third", 3, Now)];
        var transport = new RecordingTransport(Database) { Down = true };
        var dispatcher = Dispatchers.Create(new ManualClock(Now));

        // Three rounds while the broker is away: each tries the oldest event and stops there.
        int[] rounds = [await dispatcher.RoundAsync(Database, transport), await dispatcher.RoundAsync(Database, transport), await dispatcher.RoundAsync(Database, transport)];
        Assert.Equal([0, 0, 0], rounds);
        Assert.Equal(3, transport.Failures);
        Assert.Empty(transport.Published);
        Assert.Equal(new Committed(["first", "second", "third"], 3), await Database.CommittedAsync());
        Assert.Equal(3, await Database.UnsentCountAsync());
        // Operators see why: the oldest row counts the three tries and keeps the broker's reason; the others were not tried.
        Assert.Equal(
            [(committed[0], 3, true, false), (committed[1], 0, false, false), (committed[2], 0, false, false)],
            await RowsAsync());

        transport.Down = false;
        await dispatcher.RoundAsync(Database, transport);
        await dispatcher.RoundAsync(Database, transport);

        Assert.Equal(committed, transport.Published);
        Assert.Equal(0, await Database.UnsentCountAsync());
        // Each stamped sent by the round that published it, its tries counted once more.
        Assert.Equal(
            [(committed[0], 4, true, true), (committed[1], 1, false, true), (committed[2], 1, false, true)],
            await RowsAsync());
    }

    private async Task<List<(Guid MessageId, int Attempts, bool HasError, bool Sent)>> RowsAsync()
    {
        await using var db = Database.NewContext();
        var rows = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
        return [.. rows.Select(m => (m.MessageId, m.Attempts, m.LastError is { Length: > 0 }, m.SentAt == Now))];
    }

    [Fact]
    public async Task APublishThatNeverReturnsIsCancelledAfterTheTimeoutAndTheEventGoesOutInALaterRound()
    {
        var committed = await Database.CommitPlanAsync("stuck", 1, Now);
        var transport = new RecordingTransport(Database) { Hangs = true };
        var dispatcher = Dispatchers.Create(new ManualClock(Now), publishTimeout: TimeSpan.FromMilliseconds(200));

        // The round ends (it would otherwise hold the dispatch lock for ever) with the event still unsent.
        Assert.Equal(0, await dispatcher.RoundAsync(Database, transport));
        Assert.Equal(1, transport.Failures);
        Assert.Equal(1, await Database.UnsentCountAsync());
        // Not merely abandoned: its token is cancelled, so a real publish ends and frees its channel.
        await Eventually.Until(() => Task.FromResult(transport.HangsCancelled), cancelled => cancelled == 1, "the hanging publish's token to be cancelled");

        transport.Hangs = false;
        Assert.Equal(1, await dispatcher.RoundAsync(Database, transport));
        Assert.Equal([committed], transport.Published);
        Assert.Equal(0, await Database.UnsentCountAsync());
    }
}
