namespace Visitation.Contracts.Events;

/// <summary>
/// One row of a service's append-only audit (docs/audit.md), relayed as it was committed, for the
/// audit administrator's store (docs/audit-store.md), inside <see cref="AuditRowsRecorded"/> (the relay
/// publishes a round's rows together, not this alone). Codes and ids only: an audit row holds no
/// personal data, so neither does this event. <see cref="Seq"/>, <see cref="PreviousHash"/> and
/// <see cref="RowHash"/> are the row's place in its hash chain, so the store can check the links.
/// </summary>
/// <param name="Service">The service whose audit holds the row (<c>application</c>, <c>identity</c> …).</param>
/// <param name="Chain"><c>changes</c> or <c>reads</c>.</param>
/// <param name="OwnerOrganisation">
/// The organisation the record belongs to (docs/audit.md); trailing and defaulted: rows written before
/// the column existed, and events relayed before it, have none.
/// </param>
public sealed record AuditRecorded(
    string Service,
    string Chain,
    long Seq,
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
