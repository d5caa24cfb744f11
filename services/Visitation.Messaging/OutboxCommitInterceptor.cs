using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Visitation.Messaging;

/// <summary>
/// Wakes the dispatcher once a commit has made new outbox (or scheduled) rows visible — and only
/// then: the dispatcher's own commits must not wake it again, or it would spin.
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries()
                .Any(e => e.State == EntityState.Added && e.Entity is OutboxMessage or ScheduledMessage))
        {
            _pending.AddOrUpdate(context, this);
        }

        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            NotifyIfPending(context);
        }

        return ValueTask.FromResult(result);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            NotifyIfPending(context);
        }

        return Task.CompletedTask;
    }

    private void NotifyIfPending(DbContext context)
    {
        if (_pending.Remove(context))
        {
            signal.Notify();
        }
    }
}
