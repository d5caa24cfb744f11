using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Tests.Infrastructure;
using Visitation.Messaging.Tests.Outbox;

namespace Visitation.Messaging.Tests.Inbox;

public sealed class InboxDuplicateTests : DatabaseTest
{
    [Fact]
    public async Task TheSameMessageHandledTwiceChangesNothingTheSecondTime()
    {
        await using var bus = await InMemoryBus.StartAsync(Database, new ManualClock(Now));
        var messageId = Guid.NewGuid();

        await bus.PublishAsync(new PlanFiled(1), messageId);
        await bus.WaitForDeliveriesAsync(1);
        await bus.PublishAsync(new PlanFiled(1), messageId);
        await bus.WaitForDeliveriesAsync(2);

        Assert.Equal(new ConsumerOutcome(Tally: 1, InboxRows: 1, EventsCommitted: 1), await OutcomeAsync());
    }

    [Fact]
    public async Task TwoMessagesWithTheSameContentButTheirOwnIdsAreBothHandled()
    {
        await using var bus = await InMemoryBus.StartAsync(Database, new ManualClock(Now));

        await bus.PublishAsync(new PlanFiled(1), Guid.NewGuid());
        await bus.WaitForDeliveriesAsync(1);
        await bus.PublishAsync(new PlanFiled(1), Guid.NewGuid());
        await bus.WaitForDeliveriesAsync(2);

        Assert.Equal(new ConsumerOutcome(Tally: 2, InboxRows: 2, EventsCommitted: 2), await OutcomeAsync());
    }

    [Fact]
    public async Task AnEventRepublishedAfterACrashIsAbsorbedByTheReceiversInbox()
    {
        var clock = new ManualClock(Now);
        await using var bus = await InMemoryBus.StartAsync(Database, clock);
        var row = await Database.CommitEventAsync(new PlanFiled(1), Now);
        var transport = new RecordingTransport(Database, new BusOutboxTransport(bus.Harness.Bus)) { DieAfter = row.MessageId };

        // Published, then the round dies before stamping it sent: the next round publishes it again.
        await Assert.ThrowsAsync<OperationCanceledException>(() => Dispatchers.Create(clock).RoundAsync(Database, transport));
        await bus.WaitForDeliveriesAsync(1);
        transport.DieAfter = null;
        await Dispatchers.Create(clock).RoundAsync(Database, transport);
        await bus.WaitForDeliveriesAsync(2);

        // (The consumer's own PlanCounted events, committed to the same outbox, went out after it.)
        Assert.Equal([row.MessageId, row.MessageId], transport.Published.Where(id => id == row.MessageId));
        var outcome = await OutcomeAsync();
        Assert.Equal(1, outcome.Tally);
        Assert.Equal(1, outcome.InboxRows);
    }

    [Fact]
    public async Task ACopyDeliveredWhileTheFirstIsStillCommittingWaitsForItThenChangesNothing()
    {
        await using var bus = await InMemoryBus.StartAsync(Database, new ManualClock(Now));
        var messageId = Guid.NewGuid();
        await using var gate = await CommitGate.CloseAsync(Database);

        // The first delivery's commit is held at the gate; the copy's handler runs meanwhile and its
        // save waits on the first's uncommitted rows (the tally's, the inbox row's key).
        await bus.PublishAsync(new PlanFiled(1), messageId);
        await Eventually.Until(() => CommitGate.WaitingForLockAsync(Database, "transactionid"), waiting => waiting == 1, "the first commit to stop at the gate");
        await bus.PublishAsync(new PlanFiled(1), messageId);
        await Eventually.Until(() => CommitGate.WaitingForLockAsync(Database, "transactionid"), waiting => waiting == 2, "the copy to wait on the first's rows");
        await gate.OpenAsync();
        await bus.WaitForDeliveriesAsync(2, faulted: 0);

        Assert.Equal(new ConsumerOutcome(Tally: 1, InboxRows: 1, EventsCommitted: 1), await OutcomeAsync());
    }

    [Fact]
    public async Task AHandledMessageWhoseHandlerNowFailsOnTheStateItLeftIsAcknowledgedNotRetried()
    {
        await using var bus = await InMemoryBus.StartAsync(Database, new ManualClock(Now));
        var messageId = Guid.NewGuid();

        await bus.PublishAsync(new PlanClosed(7), messageId);
        await bus.WaitForDeliveriesAsync(1);
        // Run again, the handler throws (the plan is closed): the inbox row the first delivery left
        // turns that into an acknowledgement, not a fault.
        await bus.PublishAsync(new PlanClosed(7), messageId);
        await bus.WaitForDeliveriesAsync(2, faulted: 0);

        await using var db = Database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(1, (await db.Tallies.FindAsync([PlanClosedConsumer.TallyName(7)], ct))?.Count);
        Assert.Equal(1, await db.InboxMessages.CountAsync(ct));
    }

    [Fact]
    public async Task AHandlerThatFailsOnAMessageNotYetHandledStillFaults()
    {
        await using (var db = Database.NewContext())
        {
            db.Tallies.Add(new Tally { Name = PlanClosedConsumer.TallyName(8), Count = 1 });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var bus = await InMemoryBus.StartAsync(Database, new ManualClock(Now));
        await bus.PublishAsync(new PlanClosed(8), Guid.NewGuid());
        await bus.WaitForDeliveriesAsync(1, faulted: 1);
    }

    [Fact]
    public async Task TheInboxRowCostsNoRoundTripOfItsOwnItTravelsWithTheHandlersSave()
    {
        var commands = new CommandCounter();
        await using var bus = await InMemoryBus.StartAsync(Database, new ManualClock(Now), commands);

        await bus.PublishAsync(new PlanFiled(1), Guid.NewGuid());
        await bus.WaitForDeliveriesAsync(1);

        // The handler's read and its save (the tally and the inbox row in one batch); the outbox
        // rows and COMMIT follow at the commit, outside EF Core's commands.
        Assert.Equal(2, commands.Count);
        Assert.Equal(new ConsumerOutcome(Tally: 1, InboxRows: 1, EventsCommitted: 1), await OutcomeAsync());
    }

    private Task<ConsumerOutcome> OutcomeAsync() => ConsumerOutcome.ReadAsync(Database);
}
