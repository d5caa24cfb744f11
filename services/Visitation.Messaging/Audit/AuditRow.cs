namespace Visitation.Messaging.Audit;

/// <summary>
/// An audit row as stored: the entry, its time, its place in its chain and its hashes.
/// <see cref="OwnerOrganisation"/> came later (migration <c>…_AuditOwner</c>): rows written before it have none.
/// </summary>
public sealed record AuditRow(
    long Seq,
    string Chain,
    DateTimeOffset RecordedAt,
    string ActorUserId,
    string ActorRole,
    string ActorOrganisation,
    string? ActorClientId,
    string EventType,
    string RecordType,
    string? RecordId,
    string? ReasonCode,
    string? Purpose,
    string Outcome,
    string? TraceId,
    string PreviousHash,
    string RowHash,
    string? OwnerOrganisation = null);

/// <summary>Where a purge cut a chain: the last purged row's position and hash, which the next row links to.</summary>
public sealed record AuditAnchor(string Chain, long Seq, string RowHash, DateTimeOffset PurgedAt);
