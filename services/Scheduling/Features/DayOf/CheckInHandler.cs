using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Timers;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Calendars;

namespace Visitation.Scheduling.Features.DayOf;

/// <summary>
/// The venue checks the family in: on the visit day, before the start, after checking every
/// visitor's identity and doing the security check [N§10–11]. From the start on it is too late:
/// the no-show timer records the forfeit.
/// </summary>
public sealed class CheckInHandler(SchedulingDbContext db, TimeProvider clock)
{
    public async Task<VisitView> HandleAsync(CheckInRequest request, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.VenueStaff);
        if (!request.IdentityChecked)
        {
            new FieldViolations().Add("identity_checked", "须先核验每位会见人的身份证件（未成年人为户口簿）并完成安全检查").ThrowIfAny();
        }

        var visit = await VisitLookup.FindAsync(db, request.VisitId, caller, ct);
        var now = ChinaTime.Now(clock);
        if (visit.Status == VisitStatus.CheckedIn)
        {
            return await VisitLookup.ViewAsync(db, visit, now, ct); // checking in twice answers with the same visit
        }

        if (visit.Status != VisitStatus.Scheduled)
        {
            throw GrpcErrors.FailedPrecondition($"该会见状态为 {visit.Status}，不能签到");
        }

        switch (DayOfVisit.CheckIn(visit.Date, visit.Start, now.DateTime))
        {
            case CheckInWindow.NotTheDay:
                throw GrpcErrors.FailedPrecondition($"会见日为 {visit.Date:yyyy-MM-dd}，当天方可签到");
            case CheckInWindow.TooLate:
                throw GrpcErrors.FailedPrecondition("已过会见开始时间，迟到视为放弃本次会见");
        }

        visit.Status = VisitStatus.CheckedIn;
        visit.CheckedInAt = now;
        visit.CheckedInBy = caller.UserId;
        VisitTimers.DayEnd(db, visit, now); // only a checked-in visit can be left open at the day's end
        await db.SaveChangesAsync(ct);
        return await VisitLookup.ViewAsync(db, visit, now, ct);
    }
}
