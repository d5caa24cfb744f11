using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Visitation.Messaging.Audit;
using Visitation.Messaging.Tests.Infrastructure;
using Visitation.Messaging.Tests.Outbox;

namespace Visitation.Messaging.Tests.Database;

/// <summary>
/// Service contexts are pooled (AddServiceDatabase): a scope's context is handed to the next scope. What
/// one scope left behind — a transaction disposed uncommitted with its outbox row and audit row — must
/// not reach the next: EF Core resets its own state, the context drops its audit and outbox rows (written
/// only at a commit, so kept by the context until then), and the settings made in the constructor hold.
/// </summary>
public sealed class PooledContextTests : DatabaseTest
{
    [Fact]
    public async Task AContextBackFromAnAbandonedTransactionServesTheNextScopeCleanAndOnlyTheNextScopesEventGoesOut()
    {
        var ct = TestContext.Current.CancellationToken;
        var services = new ServiceCollection();
        services.AddDbContextPool<TestDbContext>(Database.Configure, poolSize: 1);
        await using var provider = services.BuildServiceProvider();

        TestDbContext first;
        await using (var scope = provider.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            var transaction = await first.Database.BeginTransactionAsync(ct);
            first.Publish(new PlanFiled(1), Now);
            first.Audit(new AuditEntry(AuditActor.System, AuditChain.Changes, "PlanFiled", "plan", "1", null, null, null, "filed", null));
            await first.SaveChangesAsync(ct);
            await transaction.DisposeAsync(); // no commit, and no rollback event either
        }

        PlanFiled second = new(2);
        await using (var scope = provider.CreateAsyncScope())
        {
            var next = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            Assert.Same(first, next);
            Assert.True(next.PendingAudit.IsEmpty);
            Assert.True(next.PendingOutbox.IsEmpty);
            Assert.Empty(next.ChangeTracker.Entries());
            Assert.False(next.Database.AutoSavepointsEnabled);
            Assert.Null(next.Database.CurrentTransaction);
            next.Publish(second, Now);
            await next.SaveChangesAsync(ct);
        }

        var transport = new RecordingTransport(Database);
        await Dispatchers.Create(new ManualClock(Now)).RoundAsync(Database, transport);
        var published = Assert.Single(transport.Published);
        await using var check = Database.NewContext();
        Assert.Equal(published, (await check.OutboxMessages.SingleAsync(ct)).MessageId);
    }
}
