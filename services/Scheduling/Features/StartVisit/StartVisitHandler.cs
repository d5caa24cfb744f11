using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Features.Visits;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Scheduling.Features.StartVisit;

/// <summary>
/// The prison starts the call [N§10] once the family is checked in, on the day and within the
/// visit's slot. Starting a call already running answers with the same visit.
/// </summary>
public sealed class StartVisitHandler(VisitSteps steps)
{
    public Task<VisitView> HandleAsync(VisitActionRequest request, Caller caller, CancellationToken ct)
    {
        return steps.RunAsync(request.VisitId, caller, VisitAction.Start, (visit, now) =>
        {
            if (!DayOfVisit.IsTheDay(visit.Date, now.DateTime))
            {
                throw GrpcErrors.FailedPrecondition($"会见日为 {visit.Date:yyyy-MM-dd}，当天方可开始");
            }

            if (!DayOfVisit.MayConnect(visit.Date, visit.Start, visit.BlockedUntil, now.DateTime))
            {
                throw GrpcErrors.FailedPrecondition($"本次会见时段为 {visit.Start:HH\\:mm}–{visit.BlockedUntil:HH\\:mm}，不在时段内不能开始");
            }

            visit.StartCall(now);
            return Task.CompletedTask;
        }, ct);
    }
}
