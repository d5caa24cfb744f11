using System.Globalization;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.Rules.Calendars;

namespace Visitation.Scheduling.Features.Cancel;

public static class ClosureViews
{
    public static ClosureView ToView(Closure closure, int cancelledVisits) => new()
    {
        ClosureId = closure.Id.ToString(),
        Date = closure.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TerminalId = closure.TerminalId ?? string.Empty,
        StartTime = closure.From?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? string.Empty,
        EndTime = closure.To?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? string.Empty,
        Cause = closure.Cause,
        Reason = closure.Reason,
        CreatedBy = closure.CreatedBy,
        CreatedAt = ChinaTime.Format(closure.CreatedAt),
        CancelledVisits = cancelledVisits,
        ReopenedBy = closure.ReopenedBy ?? string.Empty,
        ReopenedAt = closure.ReopenedAt is { } reopened ? ChinaTime.Format(reopened) : string.Empty,
    };
}
