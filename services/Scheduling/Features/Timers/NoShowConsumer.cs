using Visitation.Workflow.Metrics;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Contracts.Timers;
using Visitation.Scheduling.Data;
using Visitation.Rules.Visits;
using Visitation.Messaging;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.Timers;

/// <summary>
/// At the start of a scheduled visit, nobody checked in means the family forfeited it [N§10–11]:
/// the visit is a no-show, and prison approval decides by policy whether it uses the quota.
/// </summary>
public sealed class NoShowConsumer(SchedulingDbContext db, TimeProvider clock)
    : InboxConsumer<NoShowDue, SchedulingDbContext>(db, clock)
{
    protected override async Task HandleAsync(NoShowDue message, CancellationToken cancellationToken)
    {
        var visit = await Db.Visits.SingleOrDefaultAsync(v => v.Id == message.VisitId, cancellationToken);
        if (visit is not { Status: VisitStatus.Scheduled } || visit.Date != message.Date || visit.Start != message.StartTime)
        {
            return; // checked in, cancelled, or no longer at that time
        }

        var now = ChinaTime.Now(Clock);
        visit.MarkNoShow(now);
        AfterCommit(() => WorkflowMetrics.VisitEnded("no_show"));
        Db.AuditSystem(AuditEvent.VisitNoShow, visit.Audited());
        Db.Publish(new VisitNoShow(visit.ApplicationId, visit.Id, visit.PrisonId, visit.InmateNumber, visit.Date, now), now);
    }
}
