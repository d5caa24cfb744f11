using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Visits;
using Visitation.Scheduling.Grpc;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.Scheduling.Features.InterruptVisit;

/// <summary>
/// The prison records that the call broke off, with where the fault was [N§15]; the talking time
/// stops counting. Interrupting an interrupted call answers with the same visit.
/// </summary>
public sealed class InterruptVisitHandler(SchedulingDbContext db, VisitSteps steps)
{
    public Task<VisitView> HandleAsync(InterruptVisitRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var cause = violations.Code("cause", request.Cause);
        StaffNotes.Check(violations, request.Note);
        violations.ThrowIfAny();
        return steps.RunAsync(request.VisitId, caller, VisitAction.Interrupt, (visit, now) =>
        {
            visit.Interrupt(now);
            db.Interruptions.Add(new VisitInterruption
            {
                Id = Guid.CreateVersion7(), VisitId = visit.Id, At = now, Cause = cause!, Note = StaffNotes.OrNull(request.Note), RecordedBy = caller.UserId,
            });
            return Task.CompletedTask;
        }, ct);
    }
}
