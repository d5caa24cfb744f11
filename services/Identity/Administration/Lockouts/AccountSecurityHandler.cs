using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Accounts;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Administration.Lockouts;

/// <summary>
/// The security administrator's actions on an account of the subtree (not their own): end a lockout,
/// force a new authenticator. Each writes its one audit row with the caller as actor.
/// </summary>
public sealed class AccountSecurityHandler(AccountAdministration administration, AccountsInReach accounts, TimeProvider clock)
{
    public async Task<AccountReply> UnlockAsync(AccountRequest request, Caller caller, CancellationToken ct)
    {
        var user = await accounts.FindAsync(caller, request.AccountId, ct);
        AccountsInReach.RefuseOwn(caller, user);
        await administration.UnlockAsync(user, caller.AsAuditActor());
        return new AccountReply { Account = user.ToView(clock.GetUtcNow()) };
    }

    public async Task<AccountReply> ResetSecondFactorAsync(AccountRequest request, Caller caller, CancellationToken ct)
    {
        var user = await accounts.FindAsync(caller, request.AccountId, ct);
        AccountsInReach.RefuseOwn(caller, user);
        await administration.ResetSecondFactorAsync(user, caller.AsAuditActor());
        return new AccountReply { Account = user.ToView(clock.GetUtcNow()) };
    }
}
