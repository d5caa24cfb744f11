using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Calendars;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.Visits;

/// <summary>
/// One step of a visit's day (check in, start, interrupt, resume, complete, terminate): find the
/// caller's visit, answer a repeat with the visit as it is, refuse a step its status does not allow,
/// and only then run the step's own checks and change, and save.
/// </summary>
public sealed class VisitSteps(SchedulingDbContext db, TimeProvider clock)
{
    /// <param name="step">The step's own checks (the day, the time left) and the change; it runs only when the status allows it.</param>
    public async Task<VisitView> RunAsync(string visitId, Caller caller, VisitAction action, Func<Visit, DateTimeOffset, Task> step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        var visit = await VisitLookup.FindAsync(db, visitId, caller, ct);
        var now = ChinaTime.Now(clock);
        if (!VisitTransitions.IsDone(visit.Status, action))
        {
            visit.EnsureAllows(action);
            await step(visit, now);
            db.Audit(caller, AuditOf(action), visit.Audited(), reason: visit.OutcomeReasonCode);
            await db.SaveChangesAsync(ct);
        }

        return await VisitLookup.ViewAsync(db, visit, now, ct);
    }

    private static AuditEvent AuditOf(VisitAction action) => action switch
    {
        VisitAction.CheckIn => AuditEvent.VisitCheckedIn,
        VisitAction.Start => AuditEvent.VisitStarted,
        VisitAction.Interrupt => AuditEvent.VisitInterrupted,
        VisitAction.Resume => AuditEvent.VisitResumed,
        VisitAction.Complete => AuditEvent.VisitCompleted,
        VisitAction.Terminate => AuditEvent.VisitTerminated,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a step of the visit's day"),
    };
}
