using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Outbox;

/// <summary>What a dispatcher that dies mid-round leaves behind, and how the next round repairs it.</summary>
public sealed class CrashRecoveryTests : DatabaseTest
{
    [Fact]
    public async Task AnEventCommittedButNeverPublishedIsPublishedByTheNextDispatcher()
    {
        var first = await Database.CommitEventAsync(new PlanFiled(1), Now);
        var second = await Database.CommitEventAsync(new PlanFiled(2), Now);
        var dying = new RecordingTransport(Database) { DieAfter = first.MessageId };

        // The host stops after the first publish: the second never leaves, and nothing is stamped.
        await Assert.ThrowsAsync<OperationCanceledException>(() => Dispatchers.Create(new ManualClock(Now)).RoundAsync(Database, dying));
        Assert.Equal([first.MessageId], dying.Published);
        Assert.Equal(2, await Database.UnsentCountAsync());

        // A fresh dispatcher (the restarted service) publishes both, in order, and stamps them.
        var restarted = new RecordingTransport(Database);
        await Dispatchers.Create(new ManualClock(Now)).RoundAsync(Database, restarted);

        Assert.Equal([first.MessageId, second.MessageId], restarted.Published);
        Assert.Equal(0, await Database.UnsentCountAsync());
    }

    [Fact]
    public async Task AnEventPublishedButNotStampedIsPublishedAgainUnderTheSameMessageId()
    {
        var row = await Database.CommitEventAsync(new PlanFiled(1), Now);
        var transport = new RecordingTransport(Database) { DieAfter = row.MessageId };
        await Assert.ThrowsAsync<OperationCanceledException>(() => Dispatchers.Create(new ManualClock(Now)).RoundAsync(Database, transport));

        transport.DieAfter = null;
        await Dispatchers.Create(new ManualClock(Now)).RoundAsync(Database, transport);

        // Twice, with one id: the receivers' inboxes recognise the second copy (see InboxDuplicateTests).
        Assert.Equal([row.MessageId, row.MessageId], transport.Published);
        Assert.Equal(0, await Database.UnsentCountAsync());
    }
}
