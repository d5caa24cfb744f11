using Visitation.Rules.Visits;
using WireStatus = Visitation.Contracts.Grpc.Scheduling.VisitStatus;

namespace Visitation.Scheduling.Grpc;

/// <summary>
/// The stored status (by name in the database) as the API spells it. A switch rather than
/// <c>ProtoCodes</c>: the column holds PascalCase names, not snake_case codes, and the compiler
/// then says when a status is added on one side only.
/// </summary>
public static class VisitStatusCodes
{
    public static WireStatus ToWire(VisitStatus status) => status switch
    {
        VisitStatus.Proposed => WireStatus.Proposed,
        VisitStatus.Scheduled => WireStatus.Scheduled,
        VisitStatus.CheckedIn => WireStatus.CheckedIn,
        VisitStatus.InProgress => WireStatus.InProgress,
        VisitStatus.Interrupted => WireStatus.Interrupted,
        VisitStatus.Completed => WireStatus.Completed,
        VisitStatus.NoShow => WireStatus.NoShow,
        VisitStatus.Terminated => WireStatus.Terminated,
        VisitStatus.Cancelled => WireStatus.Cancelled,
        VisitStatus.Expired => WireStatus.Expired,
        _ => WireStatus.Unspecified,
    };
}
