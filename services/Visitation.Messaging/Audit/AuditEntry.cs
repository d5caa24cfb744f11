namespace Visitation.Messaging.Audit;

/// <summary>
/// One audit row as a handler writes it, before the commit gives it its time, position and hashes.
/// Codes and ids only: no names, ID numbers, phone numbers or free text (see docs/audit.md).
/// </summary>
/// <param name="EventType">A member of the closed list of audit events (its name).</param>
/// <param name="RecordType">The kind of record acted on (application, review, inmate, visit…) or, for a search, what was searched.</param>
/// <param name="RecordId">The record's id; null for a search or a list.</param>
/// <param name="OwnerOrganisation">
/// The organisation the record belongs to (the application's office, the inmate's prison, the visit's
/// venue, the account's organisation; for a list, the caller's): whose audit administrator sees the
/// row besides the actor's. Null for what belongs to no organisation (a reference-data load, a purge).
/// </param>
/// <param name="ReasonCode">The decision's reason code, when it has one.</param>
/// <param name="Purpose">Why personal data was read (a code), for reads and searches.</param>
/// <param name="Outcome">What came of it: a code such as <c>approved</c>, <c>rejected</c>, <c>returned</c>.</param>
/// <param name="TraceId">The trace the action ran in, to find its spans and logs.</param>
public sealed record AuditEntry(
    AuditActor Actor,
    AuditChain Chain,
    string EventType,
    string RecordType,
    string? RecordId,
    string? OwnerOrganisation,
    string? ReasonCode,
    string? Purpose,
    string Outcome,
    string? TraceId);
