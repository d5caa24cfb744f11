using Visitation.ServiceDefaults.Auth;

namespace Visitation.Workflow.Audit;

/// <summary>
/// What an audit row is about: the kind of record, its id (null for a list or a search) and the
/// organisation it belongs to — the application's judicial office, the inmate's or approval's prison,
/// the visit's venue, the account's organisation. The owner is what lets an audit administrator of that
/// organisation (or above it) see the row in the audit store even when someone else acted, the system
/// included (docs/audit-store.md). Null only for what belongs to no organisation (a reference-data load).
/// </summary>
public sealed record AuditedRecord(string Type, string? Id, string? Owner)
{
    /// <summary>A list or search: no one record; what was read lies within the caller's own reach, so the caller's organisation owns it.</summary>
    public static AuditedRecord ListBy(string type, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new(type, null, caller.OrganisationId);
    }
}
