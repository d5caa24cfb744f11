using System.Globalization;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.Scheduling.Features.Closures;

public static class ClosureViews
{
    public static ClosureView ToView(Closure closure, int cancelledVisits) => new()
    {
        ClosureId = closure.Id.ToString(),
        Date = closure.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TerminalId = closure.TerminalId ?? string.Empty,
        StartTime = closure.From?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? string.Empty,
        EndTime = closure.To?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? string.Empty,
        Cause = ProtoCodes.FromCode<CancellationCause>(closure.Cause),
        Reason = closure.Reason,
        CreatedBy = closure.CreatedBy,
        CreatedAt = Instants.Of(closure.CreatedAt),
        CancelledVisits = cancelledVisits,
        ReopenedBy = closure.ReopenedBy ?? string.Empty,
        ReopenedAt = Instants.Of(closure.ReopenedAt),
        Side = closure.PrisonId is null ? ClosureSide.Venue : ClosureSide.Prison,
    };
}
