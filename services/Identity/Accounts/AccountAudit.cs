using Visitation.Identity.Data;
using Visitation.Messaging.Audit;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;

namespace Visitation.Identity.Accounts;

/// <summary>
/// How the identity service names accounts in its audit (docs/identity.md, "Audit"): by the account's
/// id, never its user name, which is usually made from the person's name. No password, code or key.
/// </summary>
public static class AccountAudit
{
    /// <summary>The record type of every identity audit row.</summary>
    public const string Record = "account";

    /// <summary>The account as an audit row names it: by its id, owned by its organisation (whose audit administrator sees the row).</summary>
    public static AuditedRecord Audited(this StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new AuditedRecord(Record, user.Id, user.OrganisationId);
    }

    /// <summary>A sign-in under a user name no account has: no account, so no owner (the row stays in this service's own audit).</summary>
    public static AuditedRecord NoAccount { get; } = new(Record, Id: null, Owner: null);

    /// <summary>The actor of a sign-in step: the account acting for itself.</summary>
    public static AuditActor AsAuditActor(this StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new AuditActor(user.Id, user.Role, user.OrganisationId);
    }

    /// <summary>The actor of an administration call: the administrator whose token made it.</summary>
    public static AuditActor AsAuditActor(this Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new AuditActor(caller.UserId, caller.Role, caller.OrganisationId);
    }

    /// <summary>A sign-in attempt under a user name no account has: no account to name, and the name typed is not kept.</summary>
    public static AuditActor UnknownAccount { get; } = new("unknown", "unknown", "unknown");
}
