namespace Visitation.Contracts.Events;

/// <summary>
/// Consecutive rows of one chain of a service's audit, relayed together (docs/audit-store.md): what
/// the audit relay publishes, one message for the rows a round found rather than one per row, so that
/// a busy service's audit costs the broker and the store one delivery a round. Each row is as
/// <see cref="AuditRecorded"/> describes it; all carry <see cref="Service"/> and <see cref="Chain"/>,
/// in <c>Seq</c> order.
/// </summary>
public sealed record AuditRowsRecorded(string Service, string Chain, IReadOnlyList<AuditRecorded> Rows);
