using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Cancel;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Scheduling.Features.CancelDay;

/// <summary>A CancelDay request checked and turned into the closure it asks for (not yet saved, nor owned).</summary>
public static class ClosureRequests
{
    public static Closure Validate(CancelDayRequest request, IReadOnlyList<string> sideTerminals, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new FieldViolations();
        var (cause, reason) = CancellationReasons.Check(violations, request.Cause, request.Note);
        var date = violations.Date("date", request.Date);
        if (date is not null && date < today)
        {
            violations.Add("date", "不能取消已过去的日期");
        }

        if (request.TerminalId.Length > 0 && !sideTerminals.Contains(request.TerminalId))
        {
            violations.Add("terminal_id", "不是本单位的会见终端");
        }

        var (from, to) = TimeRange(violations, request);
        violations.ThrowIfAny();
        return new Closure
        {
            Date = date!.Value,
            TerminalId = request.TerminalId.Length > 0 ? request.TerminalId : null,
            From = from,
            To = to,
            Cause = cause!,
            Reason = reason!,
        };
    }

    /// <summary>Both ends or neither: neither closes the whole day.</summary>
    private static (TimeOnly? From, TimeOnly? To) TimeRange(FieldViolations violations, CancelDayRequest request)
    {
        if (request.StartTime.Length == 0 && request.EndTime.Length == 0)
        {
            return (null, null);
        }

        var from = violations.Time("start_time", request.StartTime);
        var to = violations.Time("end_time", request.EndTime);
        if (from is not null && to is not null && to <= from)
        {
            violations.Add("end_time", "结束时间应晚于开始时间");
        }

        return (from, to);
    }
}
