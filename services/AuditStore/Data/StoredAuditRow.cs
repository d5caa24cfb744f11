namespace Visitation.AuditStore.Data;

/// <summary>
/// One service's audit row as the store keeps it: the row's columns as relayed (codes and ids only,
/// no personal data), which service it came from, and whether it links to the row the store holds
/// before it in that service's chain.
/// </summary>
public sealed class StoredAuditRow
{
    /// <summary>The store's own order of arrival; the paging key after the row's time.</summary>
    public long Id { get; private set; }
    public required string Service { get; init; }
    public required string Chain { get; init; }
    public required long Seq { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string ActorUserId { get; init; }
    public required string ActorRole { get; init; }
    public required string ActorOrganisation { get; init; }
    public string? ActorClientId { get; init; }
    public required string EventType { get; init; }
    public required string RecordType { get; init; }
    public string? RecordId { get; init; }
    public string? ReasonCode { get; init; }
    public string? Purpose { get; init; }
    public required string Outcome { get; init; }
    public string? TraceId { get; init; }
    public required string PreviousHash { get; init; }
    public required string RowHash { get; init; }

    /// <summary>The organisation the record belongs to (docs/audit.md); null for rows of no organisation and rows written before the column.</summary>
    public string? OwnerOrganisation { get; init; }

    /// <summary>
    /// True when <see cref="PreviousHash"/> is not the <see cref="RowHash"/> of the row the store
    /// holds before this one in the service's chain (or the genesis hash, for the first): a row
    /// removed, inserted or rewritten at the source, or one not arrived yet (set again when it does).
    /// </summary>
    public bool LinkBroken { get; set; }

    public required DateTimeOffset ReceivedAt { get; init; }
}
