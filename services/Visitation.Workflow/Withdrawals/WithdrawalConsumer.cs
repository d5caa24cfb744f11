using Visitation.Contracts.Events;
using Visitation.Messaging;
using Visitation.Messaging.Database;

namespace Visitation.Workflow.Withdrawals;

/// <summary>
/// Base of every stage's withdrawal consumer. The tombstone is recorded first — under the
/// application's lock — and only then is the stage's own work item looked up, so an intake handled
/// at the same moment either sees the tombstone or has already created the item that is withdrawn here.
/// </summary>
public abstract class WithdrawalConsumer<TContext>(TContext db, TimeProvider clock)
    : InboxConsumer<ApplicationWithdrawn, TContext>(db, clock)
    where TContext : ServiceDbContext
{
    protected sealed override async Task HandleAsync(ApplicationWithdrawn message, CancellationToken cancellationToken)
    {
        await Db.RecordWithdrawalAsync(message.ApplicationId, message.Reason, message.OccurredAt, cancellationToken);
        await WithdrawWorkAsync(message.ApplicationId, cancellationToken);
    }

    /// <summary>Withdraws the stage's open work item for the application, if it has one.</summary>
    protected abstract Task WithdrawWorkAsync(Guid applicationId, CancellationToken cancellationToken);
}
