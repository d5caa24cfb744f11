using Visitation.Workflow.Metrics;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Visits;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Scheduling.Features.CompleteVisit;

/// <summary>
/// The prison ends the call normally: the real minutes used are recorded and announced
/// (VisitCompleted), so the quota ledger counts the visit. Completing twice answers with the same visit.
/// </summary>
public sealed class CompleteVisitHandler(SchedulingDbContext db, VisitSteps steps)
{
    public Task<VisitView> HandleAsync(VisitActionRequest request, Caller caller, CancellationToken ct)
    {
        return steps.RunAsync(request.VisitId, caller, VisitAction.Complete, (visit, now) =>
        {
            visit.Complete(caller.UserId, now);
            WorkflowMetrics.VisitEnded("completed");
            db.Publish(new VisitCompleted(visit.ApplicationId, visit.Id, visit.PrisonId, visit.InmateNumber, visit.Date, visit.MinutesUsed!.Value, caller.UserId, now), now);
            return Task.CompletedTask;
        }, ct);
    }
}
