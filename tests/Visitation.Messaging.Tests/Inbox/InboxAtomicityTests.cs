using Visitation.Messaging.Tests.Infrastructure;
using Visitation.Messaging.Tests.Outbox;

namespace Visitation.Messaging.Tests.Inbox;

/// <summary>
/// A consumer's inbox row, its state change and its own events share one transaction
/// (<c>InboxConsumer</c>): when that transaction fails, none of them is left, so the message is not
/// taken for handled and its redelivery applies it.
/// </summary>
public sealed class InboxAtomicityTests : DatabaseTest
{
    [Fact]
    public async Task AConsumerWhoseCommitIsRefusedLeavesNoInboxRowNoStateNoEventAndItsRedeliveryAppliesIt()
    {
        await CommitFailure.InstallAsync(Database);
        await using var bus = await InMemoryBus.StartAsync(Database, new ManualClock(Now));
        var messageId = Guid.NewGuid();

        await bus.PublishAsync(new PlanFiled(1), messageId);
        await bus.WaitForDeliveriesAsync(1, faulted: 1);
        Assert.Equal(new ConsumerOutcome(Tally: 0, InboxRows: 0, EventsCommitted: 0), await ConsumerOutcome.ReadAsync(Database));

        // The broker delivers the unacknowledged message again, under the same id, once the database accepts commits.
        await CommitFailure.DisarmAsync(Database);
        await bus.PublishAsync(new PlanFiled(1), messageId);
        await bus.WaitForDeliveriesAsync(2, faulted: 1);
        Assert.Equal(new ConsumerOutcome(Tally: 1, InboxRows: 1, EventsCommitted: 1), await ConsumerOutcome.ReadAsync(Database));
    }
}
