using Visitation.AuditStore.Data;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.AuditStore.Features.Search;

/// <summary>A validated filter (<see cref="AuditFilters.Parse"/>): every condition given applies.</summary>
public sealed record AuditQuery(
    string? ActorUserId,
    string? ActorOrganisation,
    string? RecordType,
    string? RecordId,
    string? EventType,
    string? Service,
    DateTimeOffset? From,
    DateTimeOffset? To,
    bool OnlyBrokenLinks,
    string? OwnerOrganisation = null)
{
    /// <summary>
    /// The rows matching the filter within the caller's reach: rows whose actor belongs to the
    /// caller's organisation subtree, or whose record does (its owning organisation) — so the
    /// system's rows about the subtree's records, and other organisations' acts on them, are seen.
    /// A filter naming an organisation outside it matches nothing, exactly as one naming an
    /// organisation nobody acted for.
    /// </summary>
    public IQueryable<StoredAuditRow> Apply(IQueryable<StoredAuditRow> rows, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(caller);
        var reach = caller.Organisations;
        rows = rows.Where(r => reach.Contains(r.ActorOrganisation) || (r.OwnerOrganisation != null && reach.Contains(r.OwnerOrganisation)));
        if (ActorUserId is not null)
        {
            rows = rows.Where(r => r.ActorUserId == ActorUserId);
        }

        if (ActorOrganisation is not null)
        {
            rows = rows.Where(r => r.ActorOrganisation == ActorOrganisation);
        }

        if (OwnerOrganisation is not null)
        {
            rows = rows.Where(r => r.OwnerOrganisation == OwnerOrganisation);
        }

        if (RecordType is not null)
        {
            rows = rows.Where(r => r.RecordType == RecordType);
        }

        if (RecordId is not null)
        {
            rows = rows.Where(r => r.RecordId == RecordId);
        }

        if (EventType is not null)
        {
            rows = rows.Where(r => r.EventType == EventType);
        }

        if (Service is not null)
        {
            rows = rows.Where(r => r.Service == Service);
        }

        if (From is { } from)
        {
            rows = rows.Where(r => r.RecordedAt >= from);
        }

        if (To is { } to)
        {
            rows = rows.Where(r => r.RecordedAt < to);
        }

        return OnlyBrokenLinks ? rows.Where(r => r.LinkBroken) : rows;
    }
}
