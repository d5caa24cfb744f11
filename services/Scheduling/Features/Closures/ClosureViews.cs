using System.Globalization;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Grpc;
using Visitation.Workflow.Grpc;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Scheduling.Features.Closures;

public static class ClosureViews
{
    public static ClosureView ToView(Closure closure, int cancelledVisits) => new()
    {
        ClosureId = closure.Id.ToString(),
        Date = WireDates.Day(closure.Date),
        TerminalId = closure.TerminalId ?? string.Empty,
        StartTime = WireDates.Time(closure.From),
        EndTime = WireDates.Time(closure.To),
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
