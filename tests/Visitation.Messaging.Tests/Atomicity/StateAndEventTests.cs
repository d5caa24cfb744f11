using Npgsql;
using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Atomicity;

/// <summary>
/// A state change and the event it causes (an outbox row written by the same transaction,
/// <c>ServiceDbContext.Publish</c>, as its last statement before the commit) are committed together or
/// not at all: a failure after the save, or a commit refused after the outbox write, leaves neither,
/// and the dispatcher has nothing to publish.
/// </summary>
public sealed class StateAndEventTests : DatabaseTest
{
    [Fact]
    public async Task ACommitTheServerRefusesAfterTheOutboxWriteLeavesNeitherTheStateNorTheEvent()
    {
        await CommitFailure.InstallAsync(Database);
        await using var db = Database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        db.FilePlan("plans", 1, Now);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new Committed(["plans"], 0), await db.SeenInsideAsync()); // the event is written at the commit

        var refused = await Assert.ThrowsAsync<PostgresException>(() => transaction.CommitAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CommitFailure.Message, refused.MessageText);
        await AssertNothingCommittedOrPublishedAsync();
    }

    [Fact]
    public async Task ASaveChangesWhoseOwnCommitIsRefusedLeavesNeitherTheStateNorTheEvent()
    {
        await CommitFailure.InstallAsync(Database);
        await using var db = Database.NewContext();
        db.FilePlan("plans", 1, Now);

        // No explicit transaction: SaveChanges opens and commits its own, and the commit fails.
        await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));

        await AssertNothingCommittedOrPublishedAsync();
    }

    [Fact]
    public async Task AHandlerThatFailsAfterSavingLeavesNeitherTheStateNorTheEvent()
    {
        await using (var db = Database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            db.FilePlan("plans", 1, Now);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            Assert.Equal(new Committed(["plans"], 0), await db.SeenInsideAsync()); // the event is written at the commit
            // The handler throws here, between its SaveChanges and its Commit; disposing rolls back.
        }

        await AssertNothingCommittedOrPublishedAsync();
    }

    [Fact]
    public async Task AnEventPublishedBeforeATransactionThatEndsUncommittedIsNotWrittenByTheContextsNextCommit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = Database.NewContext())
        {
            db.FilePlan("plans", 1, Now); // published before the transaction began
            await using (var abandoned = await db.Database.BeginTransactionAsync(ct))
            {
                await db.SaveChangesAsync(ct);
            } // disposed uncommitted: no rollback event

            db.ChangeTracker.Clear();
            await using var next = await db.Database.BeginTransactionAsync(ct);
            await next.CommitAsync(ct);
        }

        await AssertNothingCommittedOrPublishedAsync();
    }

    [Fact]
    public async Task TheSameWritesOnceCommittedLeaveBothTheStateAndTheEvent()
    {
        // The control for the three above: the writes they roll back are there when the commit succeeds.
        await CommitFailure.InstallAsync(Database);
        await CommitFailure.DisarmAsync(Database);
        var messageId = await Database.CommitPlanAsync("plans", 1, Now);

        Assert.Equal(new Committed(["plans"], 1), await Database.CommittedAsync());
        var transport = new RecordingTransport(Database);
        await Dispatchers.Create(new ManualClock(Now)).RoundAsync(Database, transport);
        Assert.Equal([messageId], transport.Published);
    }

    private async Task AssertNothingCommittedOrPublishedAsync()
    {
        Assert.Equal(Committed.Nothing, await Database.CommittedAsync());
        var transport = new RecordingTransport(Database);
        await Dispatchers.Create(new ManualClock(Now)).RoundAsync(Database, transport);
        Assert.Empty(transport.Published);
    }
}
