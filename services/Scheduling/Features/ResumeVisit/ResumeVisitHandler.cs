using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Visits;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Scheduling.Features.ResumeVisit;

/// <summary>
/// Reconnects an interrupted call for what is left of the visit's minutes, never more, and only
/// within its slot: the terminals are booked for the next visit after it [N§15].
/// </summary>
public sealed class ResumeVisitHandler(SchedulingDbContext db, VisitSteps steps)
{
    public Task<VisitView> HandleAsync(VisitActionRequest request, Caller caller, CancellationToken ct)
    {
        return steps.RunAsync(request.VisitId, caller, VisitAction.Resume, async (visit, now) =>
        {
            if (visit.Call.RemainingAt(now) <= TimeSpan.Zero)
            {
                throw GrpcErrors.FailedPrecondition("会见时长已用完，请结束会见");
            }

            if (!DayOfVisit.MayConnect(visit.Date, visit.Start, visit.BlockedUntil, now.DateTime))
            {
                throw GrpcErrors.FailedPrecondition($"本次会见时段已于 {visit.BlockedUntil:HH\\:mm} 结束，终端已预留给下一场会见，请结束会见");
            }

            visit.Resume(now);
            var open = await db.Interruptions.Where(i => i.VisitId == visit.Id && i.ResumedAt == null).ToListAsync(ct);
            open.ForEach(i => i.ResumedAt = now);
        }, ct);
    }
}
