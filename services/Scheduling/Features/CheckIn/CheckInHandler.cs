using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Timers;
using Visitation.Scheduling.Features.Visits;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Scheduling.Features.CheckIn;

/// <summary>
/// The venue checks the family in: on the visit day, before the start, after checking every
/// visitor's identity and doing the security check [N§10–11]. From the start on it is too late:
/// the no-show timer records the forfeit. Checking in twice answers with the same visit.
/// </summary>
public sealed class CheckInHandler(SchedulingDbContext db, VisitSteps steps)
{
    public Task<VisitView> HandleAsync(CheckInRequest request, Caller caller, CancellationToken ct)
    {
        if (!request.IdentityChecked)
        {
            new FieldViolations().Add("identity_checked", "须先核验每位会见人的身份证件（未成年人为户口簿）并完成安全检查").ThrowIfAny();
        }

        return steps.RunAsync(request.VisitId, caller, VisitAction.CheckIn, (visit, now) =>
        {
            switch (DayOfVisit.CheckIn(visit.Date, visit.Start, now.DateTime))
            {
                case CheckInWindow.NotTheDay:
                    throw GrpcErrors.FailedPrecondition($"会见日为 {visit.Date:yyyy-MM-dd}，当天方可签到");
                case CheckInWindow.TooLate:
                    throw GrpcErrors.FailedPrecondition("已过会见开始时间，迟到视为放弃本次会见");
            }

            visit.CheckIn(caller.UserId, now);
            VisitTimers.DayEnd(db, visit, now); // only a checked-in visit can be left open at the day's end
            return Task.CompletedTask;
        }, ct);
    }
}
