using Visitation.Workflow.Audit;

namespace Visitation.Application.Data;

/// <summary>How this service's audit rows name their records, each with the organisation it belongs to (docs/audit.md).</summary>
public static class AuditRecords
{
    /// <summary>An application belongs to the judicial office that filed it (and so to its county and province).</summary>
    public static AuditedRecord Audited(this VisitApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new("application", application.Id.ToString(), application.OfficeId);
    }

    /// <summary>An entry of the office's "family not reached" list belongs to the office that filed the application.</summary>
    public static AuditedRecord Audited(this FamilyNotReached entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new("family_not_reached", entry.Id.ToString(), entry.OfficeId);
    }
}
