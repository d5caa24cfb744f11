using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Inbox;

/// <summary>
/// A message whose save loses the race for a record to another message about it (the events of one
/// application arriving together, as after a broker node's failover) is decided again at once on the
/// fresh row by the consumer itself, not failed into the retry pipeline, whose waits and delayed
/// redelivery (a minute, then more) would hold the step back. The harness has no retries: a fault is a fault.
/// </summary>
public sealed class InboxConflictTests : DatabaseTest
{
    private const int NoteId = 7;

    [Fact]
    public async Task AMessageThatLosesARaceForItsRecordIsDecidedAgainOnTheFreshRowAndCommittedOnce()
    {
        await SubmittedNoteAsync();
        var racing = new RacingWriter(Database) { Races = 2 };
        await using var bus = await InMemoryBus.StartAsync(Database, new ManualClock(Now), racing: racing);

        await bus.PublishAsync(new NoteAmended(NoteId, "；已排期"), Guid.NewGuid());
        await bus.WaitForDeliveriesAsync(1, faulted: 0);

        Assert.Equal(3, racing.Attempts);
        await using var check = Database.NewContext();
        Assert.Equal("提交；另一事件1；另一事件2；已排期", (await check.VersionedNotes.SingleAsync(n => n.Id == NoteId, TestContext.Current.CancellationToken)).Text);
        Assert.Equal(1, await check.InboxMessages.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AMessageThatLosesEveryRaceFaultsAfterThreeAttemptsForTheRetryPipeline()
    {
        await SubmittedNoteAsync();
        var racing = new RacingWriter(Database) { Races = int.MaxValue };
        await using var bus = await InMemoryBus.StartAsync(Database, new ManualClock(Now), racing: racing);

        await bus.PublishAsync(new NoteAmended(NoteId, "；已排期"), Guid.NewGuid());
        await bus.WaitForDeliveriesAsync(1, faulted: 1);

        Assert.Equal(3, racing.Attempts);
        await using var check = Database.NewContext();
        Assert.DoesNotContain("已排期", (await check.VersionedNotes.SingleAsync(n => n.Id == NoteId, TestContext.Current.CancellationToken)).Text, StringComparison.Ordinal);
        Assert.Equal(0, await check.InboxMessages.CountAsync(TestContext.Current.CancellationToken));
    }

    private async Task SubmittedNoteAsync()
    {
        await using var setup = Database.NewContext();
        setup.VersionedNotes.Add(new VersionedNote { Id = NoteId, Text = "提交" });
        await setup.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
