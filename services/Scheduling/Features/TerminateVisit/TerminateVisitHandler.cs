using Visitation.Workflow.Metrics;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Visits;
using Visitation.Scheduling.Grpc;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.Scheduling.Features.TerminateVisit;

/// <summary>
/// Ends the call for a breach (RULES.md §7). The penalty is checked against the prison's policy
/// here; prison approval turns the event into the suspension. The state is checked first: ending a
/// call that is not running is the answer, whatever the arguments.
/// </summary>
public sealed class TerminateVisitHandler(SchedulingDbContext db, VisitSteps steps, ReferenceDataSet reference)
{
    public Task<VisitView> HandleAsync(TerminateVisitRequest request, Caller caller, CancellationToken ct)
    {
        return steps.RunAsync(request.VisitId, caller, VisitAction.Terminate, (visit, now) =>
        {
            var violations = new FieldViolations();
            var severity = violations.Code("severity", request.Severity);
            foreach (var (field, message) in Termination.Check(reference.PolicyFor(visit.PrisonId), request.ReasonCode, severity ?? string.Empty, request.PenaltyMonths))
            {
                if (severity is not null || field != "severity") // an unspecified severity is told once, as missing
                {
                    violations.Add(field, message);
                }
            }

            StaffNotes.Check(violations, request.Note);
            violations.ThrowIfAny();
            var reason = Termination.Reasons[request.ReasonCode];
            var outcome = new VisitOutcome(request.ReasonCode, StaffNotes.OrNull(request.Note) is { } note ? $"{reason}（{note}）" : reason, caller.UserId);
            visit.Terminate(outcome, severity!, request.PenaltyMonths, now);
            WorkflowMetrics.VisitEnded("terminated");
            db.Publish(new VisitTerminated(visit.ApplicationId, visit.Id, visit.PrisonId, visit.InmateNumber, visit.Date, outcome.ReasonCode, outcome.Reason,
                severity!, request.PenaltyMonths, visit.MinutesUsed!.Value, caller.UserId, now), now);
            return Task.CompletedTask;
        }, ct);
    }
}
