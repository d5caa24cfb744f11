using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Data;

/// <summary>
/// How this service's audit rows name their records, each with the organisation it belongs to
/// (docs/audit.md): the prison, for the register, its statuses and bars (an approval's is
/// <see cref="Visitation.Workflow.Reviewing.ReviewItem.Audited"/>).
/// </summary>
public static class AuditRecords
{
    public static AuditedRecord Audited(this Inmate inmate)
    {
        ArgumentNullException.ThrowIfNull(inmate);
        return new("inmate", inmate.Id.ToString(), inmate.PrisonId);
    }

    /// <summary>One of the inmate's status periods: the inmate's prison's.</summary>
    public static AuditedRecord Audited(this InmateStatus status, Inmate inmate)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(inmate);
        return new("inmate_status", status.Id.ToString(), inmate.PrisonId);
    }

    public static AuditedRecord Audited(this BarredVisitor bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        return new("bar", bar.Id.ToString(), bar.PrisonId);
    }
}
