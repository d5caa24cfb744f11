using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Data;
using Visitation.Workflow.Grpc;

namespace Visitation.Identity.Administration;

/// <summary>An account as the administrators see it: never its password hash, authenticator key or security stamp.</summary>
public static class AccountViews
{
    public static AccountView ToView(this StaffUser user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockedOut = user.LockoutEnd is { } end && end > now;
        return new AccountView
        {
            AccountId = user.Id,
            UserName = user.UserName ?? string.Empty,
            Role = StaffRoles.ToWire(user.Role),
            OrganisationId = user.OrganisationId,
            Enabled = user.DisabledAt is null,
            LockedOut = lockedOut,
            LockedOutUntil = lockedOut ? Instants.Of(user.LockoutEnd!.Value) : null,
            Enrolled = user.TwoFactorEnabled,
            LastActivityAt = Instants.Of(user.LastActivityAt),
            FailedAttempts = user.AccessFailedCount,
        };
    }
}
