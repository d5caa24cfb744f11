using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Protection;
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
/// The ID numbers read at the door must be booked visitors': each is turned into its visitor key
/// (the shared key, docs/data-minimisation.md) and compared with the keys the approval carried.
/// </summary>
public sealed class CheckInHandler(SchedulingDbContext db, VisitSteps steps, FieldProtector protector)
{
    public Task<VisitView> HandleAsync(CheckInRequest request, Caller caller, CancellationToken ct)
    {
        if (!request.IdentityChecked)
        {
            new FieldViolations().Add("identity_checked", "须先核验每位会见人的身份证件（未成年人为户口簿）并完成安全检查").ThrowIfAny();
        }

        return steps.RunAsync(request.VisitId, caller, VisitAction.CheckIn, (visit, now) =>
        {
            EnsureBookedVisitors(visit, request.VisitorIdNumbers);
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

    /// <summary>Each number given is one of the booked visitors' (normalised as the application service does: trimmed, upper-case X).</summary>
    private void EnsureBookedVisitors(Visit visit, Google.Protobuf.Collections.RepeatedField<string> idNumbers)
    {
        var booked = visit.Visitors.Select(v => v.VisitorKey).ToHashSet(StringComparer.Ordinal);
        var violations = new FieldViolations();
        for (var i = 0; i < idNumbers.Count; i++)
        {
            var number = idNumbers[i].Trim().ToUpperInvariant();
            if (number.Length == 0)
            {
                violations.Add($"visitor_id_numbers[{i}]", "请输入到场会见人的身份证号");
            }
            else if (!booked.Contains(protector.BlindIndex(number, VisitorDetails.KeyPurpose)))
            {
                violations.Add($"visitor_id_numbers[{i}]", "该身份证号不是本次会见预约的会见人，不能签到");
            }
        }

        violations.ThrowIfAny();
    }
}
