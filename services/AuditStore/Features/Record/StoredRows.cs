using Visitation.AuditStore.Data;
using Visitation.Contracts.Events;

namespace Visitation.AuditStore.Features.Record;

internal static class StoredRows
{
    /// <summary>The relayed row as stored, its link checked against the hash the row before it holds.</summary>
    public static StoredAuditRow From(AuditRecorded message, string previousRowHash, DateTimeOffset now) => new()
    {
        Service = message.Service,
        Chain = message.Chain,
        Seq = message.Seq,
        RecordedAt = message.RecordedAt,
        ActorUserId = message.ActorUserId,
        ActorRole = message.ActorRole,
        ActorOrganisation = message.ActorOrganisation,
        ActorClientId = message.ActorClientId,
        EventType = message.EventType,
        RecordType = message.RecordType,
        RecordId = message.RecordId,
        ReasonCode = message.ReasonCode,
        Purpose = message.Purpose,
        Outcome = message.Outcome,
        TraceId = message.TraceId,
        PreviousHash = message.PreviousHash,
        RowHash = message.RowHash,
        OwnerOrganisation = message.OwnerOrganisation,
        LinkBroken = message.PreviousHash != previousRowHash,
        ReceivedAt = now,
    };
}
