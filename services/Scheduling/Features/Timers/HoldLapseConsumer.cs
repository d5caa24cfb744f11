using Visitation.Workflow.Metrics;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Timers;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Propose;
using Visitation.Messaging;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.Timers;

/// <summary>
/// An unconfirmed proposal whose hold has lapsed expires: its slot is freed and the application
/// gets a new proposal (possibly the same slot, if nobody took it), or VisitUnavailable.
/// </summary>
public sealed class HoldLapseConsumer(SchedulingDbContext db, Proposals proposals, TimeProvider clock)
    : InboxConsumer<HoldLapseDue, SchedulingDbContext>(db, clock)
{
    protected override async Task HandleAsync(HoldLapseDue message, CancellationToken cancellationToken)
    {
        var visit = await Db.Visits.SingleOrDefaultAsync(v => v.Id == message.VisitId, cancellationToken);
        if (visit is null)
        {
            return;
        }

        var now = ChinaTime.Now(Clock);
        switch (HoldExpiry.Decide(visit.Status == VisitStatus.Proposed, visit.HoldExpiresAt, message.HoldExpiresAt, now))
        {
            case HoldOutcome.StillHeld:
                VisitTimers.HoldLapse(Db, visit, now);
                return;
            case HoldOutcome.Lapsed:
                visit.Expire(now);
                AfterCommit(() => WorkflowMetrics.VisitEnded("hold_lapsed"));
                Db.AuditSystem(AuditEvent.ProposalLapsed, visit.Audited());
                // Saved (not committed) first: the application's one open visit must be this one's replacement.
                await Db.SaveChangesAsync(cancellationToken);
                await proposals.ReofferAsync(visit, avoidItsSlot: false, now, cancellationToken);
                return;
            case HoldOutcome.Settled:
            default:
                return;
        }
    }
}
