using DomainStatus = Visitation.Application.Data.ApplicationStatus;
using WireStatus = Visitation.Contracts.Grpc.Application.ApplicationStatus;

namespace Visitation.Application.Features.Views;

/// <summary>An application's status between the stored enum and the API's twin of the same names.</summary>
public static class ApplicationStatuses
{
    public static WireStatus ToWire(DomainStatus status) => Workflow.Grpc.ProtoNames.Map<DomainStatus, WireStatus>(status);

    /// <summary>The stored status a request names; false for unspecified or a number the proto does not define.</summary>
    public static bool TryFromWire(WireStatus status, out DomainStatus stored) =>
        Workflow.Grpc.ProtoNames.TryMap(status, out stored);
}
