using Visitation.Contracts.Grpc.AuditStore;
using Visitation.Workflow.Grpc;

namespace Visitation.AuditStore.Features.Search;

/// <summary>
/// Between the proto's <see cref="AuditService"/> and the service name a relayed row carries (the
/// name each service's messaging registers: <c>bureau-review</c>, <c>audit-store</c> …).
/// </summary>
public static class AuditServices
{
    public static string NameOf(AuditService service) => ProtoCodes.ToCode(service).Replace('_', '-');

    /// <summary>The proto value of a stored name; a service the proto does not list yet is unspecified.</summary>
    public static AuditService Of(string name) => ProtoCodes.FromCode<AuditService>(name.Replace('-', '_'));
}
