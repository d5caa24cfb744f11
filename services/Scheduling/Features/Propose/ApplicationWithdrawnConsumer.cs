using Visitation.Rules.Visits;
using Microsoft.EntityFrameworkCore;
using Visitation.Scheduling.Data;
using Visitation.Messaging.Database;
using Visitation.Workflow.Withdrawals;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>Frees the slot of a withdrawn application's visit, or remembers the withdrawal if no visit exists yet.</summary>
public sealed class ApplicationWithdrawnConsumer(SchedulingDbContext db, TimeProvider clock)
    : WithdrawalConsumer<SchedulingDbContext>(db, clock)
{
    protected override async Task WithdrawWorkAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var visit = await Db.Visits.SingleOrDefaultAsync(v => v.ApplicationId == applicationId && VisitStatuses.Open.Contains(v.Status), cancellationToken);
        if (visit is not null)
        {
            visit.Withdraw(); // its terminals are free again: cancelled visits hold no booking
            // The withdrawal's consequence for the visit; the clerk's row is the application service's ApplicationWithdrawn.
            Db.AuditSystem(AuditEvent.VisitCancelled, visit.Audited(), visit.OutcomeReasonCode);
        }
    }
}
