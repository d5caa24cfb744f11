using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Outbox;

public sealed class OutboxOrderTests : DatabaseTest
{
    [Fact]
    public async Task EventsArePublishedInTheOrderTheirTransactionsCommitted()
    {
        var committed = new List<Guid>();
        for (var number = 1; number <= 5; number++)
        {
            committed.Add((await Database.CommitEventAsync(new PlanFiled(number), Now)).MessageId);
        }

        var transport = new RecordingTransport(Database);
        // Batches of two: three rounds, and the order must hold across them.
        var dispatcher = Dispatchers.Create(new ManualClock(Now), batchSize: 2);
        int[] rounds = [await dispatcher.RoundAsync(Database, transport), await dispatcher.RoundAsync(Database, transport), await dispatcher.RoundAsync(Database, transport)];

        Assert.Equal([2, 2, 1], rounds);
        Assert.Equal(committed, transport.Published);
        Assert.Equal(0, await Database.UnsentCountAsync());
    }

    [Fact]
    public async Task ARefusedPublishHoldsBackTheLaterEventsUntilItGoesOut()
    {
        var first = await Database.CommitEventAsync(new PlanFiled(1), Now);
        var second = await Database.CommitEventAsync(new PlanFiled(2), Now);
        var third = await Database.CommitEventAsync(new PlanFiled(3), Now);
        var transport = new RecordingTransport(Database) { Refuse = second.MessageId };
        var dispatcher = Dispatchers.Create(new ManualClock(Now));

        await dispatcher.RoundAsync(Database, transport);

        // The third did not overtake the second.
        Assert.Equal([first.MessageId], transport.Published);
        Assert.Equal(2, await Database.UnsentCountAsync());

        transport.Refuse = null;
        await dispatcher.RoundAsync(Database, transport);

        Assert.Equal([first.MessageId, second.MessageId, third.MessageId], transport.Published);
        Assert.Equal(0, await Database.UnsentCountAsync());
    }

    [Fact]
    public async Task AnEventOfATransactionStillOpenIsNotPublished()
    {
        var transport = new RecordingTransport(Database);
        var dispatcher = Dispatchers.Create(new ManualClock(Now));
        await using var service = Database.NewContext();
        await using var transaction = await service.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        service.Publish(new PlanFiled(1), Now);
        await service.SaveChangesAsync(TestContext.Current.CancellationToken);

        await dispatcher.RoundAsync(Database, transport);
        Assert.Empty(transport.Published);

        await transaction.CommitAsync(TestContext.Current.CancellationToken);
        await dispatcher.RoundAsync(Database, transport);
        Assert.Single(transport.Published);
    }

    [Fact]
    public async Task AnEventCommittedFirstIsPublishedFirstEvenIfTheOtherTransactionWroteItsEventEarlier()
    {
        var ct = TestContext.Current.CancellationToken;
        var transport = new RecordingTransport(Database);
        await using var slow = Database.NewContext();
        await using var slowTransaction = await slow.Database.BeginTransactionAsync(ct);
        slow.FilePlan("slow", 1, Now);
        await slow.SaveChangesAsync(ct); // its row is written (and its id drawn) first...

        var quickEvent = await Database.CommitPlanAsync("quick", 2, Now); // ...but this one commits first
        await slowTransaction.CommitAsync(ct);
        var slowEvent = await Database.EventIdAsync(1);
        await Dispatchers.Create(new ManualClock(Now)).RoundAsync(Database, transport);

        Assert.Equal([quickEvent, slowEvent], transport.Published);
    }

    [Fact]
    public async Task TheOrderHoldsWhenTheServerReadsTheOutboxInItsPhysicalOrder()
    {
        await Database.ForbidIndexScansAsync();
        var first = await Database.CommitEventAsync(new PlanFiled(1), Now);
        var second = await Database.CommitEventAsync(new PlanFiled(2), Now);
        var third = await Database.CommitEventAsync(new PlanFiled(3), Now);
        var transport = new RecordingTransport(Database) { Refuse = first.MessageId };
        var dispatcher = Dispatchers.Create(new ManualClock(Now));

        // The refused attempt updates the first row, which moves its live version behind the others.
        await dispatcher.RoundAsync(Database, transport);
        transport.Refuse = null;
        await dispatcher.RoundAsync(Database, transport);

        Assert.Equal([first.MessageId, second.MessageId, third.MessageId], transport.Published);
    }

    [Fact]
    public async Task EventsOfOneTransactionArePublishedInTheOrderItWroteThem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var service = Database.NewContext())
        {
            await using var transaction = await service.Database.BeginTransactionAsync(ct);
            // Two saves, as a handler that flushes half-way does, the second with two events.
            service.Publish(new PlanFiled(1), Now);
            await service.SaveChangesAsync(ct);
            service.Publish(new PlanFiled(2), Now);
            service.Publish(new PlanFiled(3), Now);
            await service.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var transport = new RecordingTransport(Database);
        await Dispatchers.Create(new ManualClock(Now)).RoundAsync(Database, transport);

        Assert.Equal([await Database.EventIdAsync(1), await Database.EventIdAsync(2), await Database.EventIdAsync(3)], transport.Published);
    }

    [Fact]
    public async Task ATransactionWithMoreEventsThanOneStatementTakesWritesThemAllInTheOrderItWroteThem()
    {
        // A bulk change (a closed day's visits) may publish thousands; 11,000 rows would need 66,000
        // parameters in one INSERT, past PostgreSQL's 65,535.
        var ct = TestContext.Current.CancellationToken;
        const int events = 11_000;
        List<Guid> written = [];
        await using (var service = Database.NewContext())
        {
            for (var plan = 1; plan <= events; plan++)
            {
                written.Add(service.Publish(new PlanFiled(plan), Now).MessageId);
            }

            await service.SaveChangesAsync(ct);
        }

        var transport = new RecordingTransport(Database) { ChecksCommitted = false }; // the transaction committed before the round
        var dispatcher = Dispatchers.Create(new ManualClock(Now), batchSize: events);
        Assert.Equal(events, await dispatcher.RoundAsync(Database, transport));
        Assert.Equal(written, transport.Published);
    }

    [Fact]
    public async Task ACommitWithEventsWaitsForTheOneAlreadyCommittingSoThatIdsFollowCommitOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gate = await CommitGate.CloseAsync(Database);
        await using var first = Database.NewContext();
        await using var firstTransaction = await first.Database.BeginTransactionAsync(ct);
        first.FilePlan("first", 1, Now);
        await first.SaveChangesAsync(ct);
        // Its events have their commit-time ids; the server's part of the commit waits at the gate.
        var firstCommit = firstTransaction.CommitAsync(ct);
        await Eventually.Until(() => CommitGate.WaitingForLockAsync(Database, "transactionid"), waiting => waiting == 1, "the first commit to stop at the gate");

        var secondCommit = Database.CommitEventAsync(new PlanFiled(2), Now);
        var second = await Eventually.Until(
            async () => (secondCommit.IsCompleted, WaitingForCommitLock: await CommitGate.WaitingForLockAsync(Database, "advisory")),
            state => state.IsCompleted || state.WaitingForCommitLock == 1,
            "the second commit to finish or to wait for the first");
        Assert.False(second.IsCompleted, $"a commit with a later id became visible while an earlier one was still committing ({secondCommit.Status}: {secondCommit.Exception?.GetBaseException().Message})");

        await gate.OpenAsync();
        await firstCommit;
        var secondRow = await secondCommit;
        var transport = new RecordingTransport(Database);
        await Dispatchers.Create(new ManualClock(Now)).RoundAsync(Database, transport);
        Assert.Equal([await Database.EventIdAsync(1), secondRow.MessageId], transport.Published);
    }
}
