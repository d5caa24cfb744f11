using System.Diagnostics;
using Visitation.Messaging.Audit;
using Visitation.Messaging.Database;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Workflow.Audit;

/// <summary>
/// The one way handlers write the audit: <c>db.Audit(caller, AuditEvent.X, visit.Audited())</c> before
/// the save that commits the change (the row commits with it or not at all), <c>db.AuditSystem</c>
/// for timers and consumers, and <c>await db.AuditReadAsync(...)</c> for a read, which commits the
/// row at once. Record ids and codes only: never a name, ID number, phone number or free text.
/// </summary>
public static class AuditExtensions
{
    /// <summary>What a decision or read that went through records as its outcome when it names none.</summary>
    public const string Done = "done";

    public static void Audit(this IAuditedContext db, Caller caller, AuditEvent what, AuditedRecord record,
        string? reason = null, string? purpose = null, string outcome = Done)
    {
        ArgumentNullException.ThrowIfNull(caller);
        db.Audit(new AuditActor(caller.UserId, caller.Role, caller.OrganisationId), what, record, reason, purpose, outcome);
    }

    /// <summary>An action of the system itself: a timer, a consumer, a periodic job.</summary>
    public static void AuditSystem(this IAuditedContext db, AuditEvent what, AuditedRecord record,
        string? reason = null, string outcome = Done) =>
        db.Audit(AuditActor.System, what, record, reason, purpose: null, outcome);

    /// <summary>
    /// A read of personal data (or a search, or an export) with its purpose, committed before the
    /// data is returned: a read whose audit cannot be written is not answered.
    /// </summary>
    public static async Task AuditReadAsync(this ServiceDbContext db, Caller caller, AuditEvent what, AuditedRecord record,
        string purpose, CancellationToken ct, string outcome = "returned")
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Audit(caller, what, record, reason: null, purpose, outcome);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An action of the given actor (the identity service's accounts act for themselves when signing in).</summary>
    public static void Audit(this IAuditedContext db, AuditActor actor, AuditEvent what, AuditedRecord record,
        string? reason = null, string? purpose = null, string outcome = Done)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        var chain = AuditEvents.Reads.Contains(what) ? AuditChain.Reads : AuditChain.Changes;
        db.Audit(new AuditEntry(actor, chain, what.ToString(), record.Type, record.Id, record.Owner, reason, purpose, outcome, Activity.Current?.TraceId.ToString()));
    }
}
