using Visitation.Contracts.Events;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Data;

/// <summary>
/// How this service's audit rows name their records, each with the organisation it belongs to
/// (docs/audit.md). A visit is the venue's, where the family comes (and so its county's): the
/// prison's own staff act under their own organisation, which shows their rows to the prison's
/// audit administrator anyway. A closure belongs to the side that closed.
/// </summary>
public static class AuditRecords
{
    public static AuditedRecord Audited(this Visit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return new("visit", visit.Id.ToString(), visit.VenueId);
    }

    public static AuditedRecord Audited(this Closure closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        return new("closure", closure.Id.ToString(), closure.VenueId ?? closure.PrisonId);
    }

    /// <summary>An application no visit could be proposed for: the venue it was to come to.</summary>
    public static AuditedRecord AuditedApplication(Guid applicationId, string venueId) => new("application", applicationId.ToString(), venueId);
}
