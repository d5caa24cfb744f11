using Visitation.AuditStore.Data;
using Visitation.Contracts.Grpc.AuditStore;
using Visitation.Workflow.Grpc;

namespace Visitation.AuditStore.Features.Search;

public static class AuditRowViews
{
    public static AuditRowView ToView(StoredAuditRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new AuditRowView
        {
            Service = AuditServices.Of(row.Service),
            Chain = ProtoCodes.FromCode<AuditChainKind>(row.Chain),
            Seq = row.Seq,
            RecordedAt = Instants.Of(row.RecordedAt),
            ActorUserId = row.ActorUserId,
            ActorRole = row.ActorRole,
            ActorOrganisation = row.ActorOrganisation,
            ActorClientId = row.ActorClientId ?? string.Empty,
            EventType = row.EventType,
            RecordType = row.RecordType,
            RecordId = row.RecordId ?? string.Empty,
            ReasonCode = row.ReasonCode ?? string.Empty,
            Purpose = row.Purpose ?? string.Empty,
            Outcome = row.Outcome,
            TraceId = row.TraceId ?? string.Empty,
            PreviousHash = row.PreviousHash,
            RowHash = row.RowHash,
            LinkBroken = row.LinkBroken,
            OwnerOrganisation = row.OwnerOrganisation ?? string.Empty,
        };
    }
}
