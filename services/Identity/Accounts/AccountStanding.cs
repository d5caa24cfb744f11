using Microsoft.Extensions.Options;
using Visitation.Identity.Data;
using Visitation.Messaging.Audit;
using Visitation.Workflow.Audit;

namespace Visitation.Identity.Accounts;

/// <summary>
/// Whether an account may sign in or refresh now: not disabled and not unused past the inactivity
/// limit (an account found unused that long is disabled on the spot, and stays so).
/// </summary>
public sealed class AccountStanding(IOptions<IdentityServiceOptions> options, TimeProvider clock, Microsoft.AspNetCore.Identity.UserManager<StaffUser> users, IdentityDb db)
{
    /// <summary>Null if the account may act; otherwise why not.</summary>
    public async Task<string?> RefusalAsync(StaffUser user)
    {
        if (user.DisabledAt is not null)
        {
            return "账号已停用，请联系系统管理员";
        }

        var now = clock.GetUtcNow();
        if (now - user.LastActivityAt > options.Value.InactivityLimit)
        {
            user.DisabledAt = now;
            db.Audit(AuditActor.System, AuditEvent.AccountDisabled, user.Audited(), outcome: "inactive");
            await users.UpdateAsync(user);
            return "账号长期未使用已停用，请联系系统管理员";
        }

        return null;
    }

    /// <summary>Records use of the account (sign-in, refresh), which the inactivity limit counts from.</summary>
    public async Task TouchAsync(StaffUser user)
    {
        user.LastActivityAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
    }
}
