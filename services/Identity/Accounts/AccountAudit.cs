using Visitation.Identity.Data;
using Visitation.Messaging.Audit;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Accounts;

/// <summary>
/// How the identity service names accounts in its audit (docs/identity.md, "Audit"): by the account's
/// id, never its user name, which is usually made from the person's name. No password, code or key.
/// </summary>
public static class AccountAudit
{
    /// <summary>The record type of every identity audit row.</summary>
    public const string Record = "account";

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
