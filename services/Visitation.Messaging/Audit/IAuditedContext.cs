namespace Visitation.Messaging.Audit;

/// <summary>
/// A DbContext whose saves write audit rows at their commit (<see cref="AuditCommitInterceptor"/>):
/// every service's <see cref="Database.ServiceDbContext"/>, and the identity service's context, which
/// derives from Identity's own base class instead. Such a context holds an <see cref="AuditBuffer"/>
/// and saves through <see cref="AuditBuffer.SaveAsync"/>.
/// </summary>
public interface IAuditedContext
{
    /// <summary>The rows recorded and not yet committed.</summary>
    AuditBuffer PendingAudit { get; }

    /// <summary>
    /// Records an audit row in the transaction of the next save (or of the explicit transaction
    /// under way): it commits with the change it records or not at all.
    /// </summary>
    void Audit(AuditEntry entry);
}
