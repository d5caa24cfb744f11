using Visitation.Workflow.Metrics;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Contracts.Timers;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Cancel;
using Visitation.Scheduling.Features.Propose;
using Visitation.Messaging;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.Timers;

/// <summary>
/// At the end of the visit day, a visit still open is closed, so none stays checked in or in a call
/// forever: checked in but never started, it is cancelled on the prison's side and the family gets a
/// new slot (they came; it is not their fault); started but never completed, it is completed with
/// the minutes talked (VisitCompleted, so the quota ledger counts the visit that took place).
/// </summary>
public sealed class DayEndConsumer(SchedulingDbContext db, SlotFinder slots, VisitCancellation cancellation, TimeProvider clock)
    : InboxConsumer<DayEndDue, SchedulingDbContext>(db, clock)
{
    public const string NotStarted = "NOT_STARTED";
    public const string By = "system";
    private const string NotStartedReason = "监狱方当日未开始会见";

    protected override async Task HandleAsync(DayEndDue message, CancellationToken cancellationToken)
    {
        var visit = await Db.Visits.SingleOrDefaultAsync(v => v.Id == message.VisitId, cancellationToken);
        if (visit is null)
        {
            return;
        }

        var now = ChinaTime.Now(Clock);
        switch (DayEnd.Decide(Stage(visit.Status), visit.Date, message.Date))
        {
            case DayEndOutcome.CancelNotStarted:
                // The same locks a cancellation by an officer takes: the re-offer allocates a slot.
                await slots.LockAsync(visit.PrisonId, visit.VenueId, cancellationToken);
                Db.AuditSystem(AuditEvent.VisitCancelled, visit.Audited(), NotStarted);
                await cancellation.CancelAsync(visit, new VisitOutcome(NotStarted, NotStartedReason, By),
                    reoffer: true, avoidItsSlot: true, closureId: null, now, cancellationToken);
                return;
            case DayEndOutcome.CompleteSoFar:
                visit.Complete(By, now);
                AfterCommit(() => WorkflowMetrics.VisitEnded("completed"));
                Db.AuditSystem(AuditEvent.VisitCompleted, visit.Audited(), outcome: "closed_at_day_end");
                Db.Publish(new VisitCompleted(visit.ApplicationId, visit.Id, visit.PrisonId, visit.InmateNumber, visit.Date, visit.MinutesUsed!.Value, By, now), now);
                return;
            case DayEndOutcome.Nothing:
            default:
                return;
        }
    }

    private static DayStage Stage(VisitStatus status) => status switch
    {
        VisitStatus.Proposed or VisitStatus.Scheduled => DayStage.NotCheckedIn,
        VisitStatus.CheckedIn => DayStage.CheckedIn,
        VisitStatus.InProgress or VisitStatus.Interrupted => DayStage.InCall,
        _ => DayStage.Ended,
    };
}
