using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Accounts;
using Visitation.Identity.Data;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Access;

namespace Visitation.Identity.Administration.Accounts;

/// <summary>
/// The system administrator's changes to an account of the subtree that is not an administrator's:
/// role, disable, enable, password reset. Role change, disable and reset end the account's sessions
/// (<see cref="AccountAdministration"/>); each writes its one audit row with the caller as actor.
/// </summary>
public sealed class ChangeAccountHandler(AccountAdministration administration, AccountsInReach accounts, ReferenceDataAccessPolicy tree, TimeProvider clock)
{
    public async Task<AccountReply> ChangeRoleAsync(ChangeRoleRequest request, Caller caller, CancellationToken ct)
    {
        var role = RequestedRole.Of(new FieldViolations().Required("account_id", request.AccountId), request.Role);
        var user = await ManageableAsync(request.AccountId, caller, ct);
        tree.MustFit(role, user.OrganisationId);
        await administration.ChangeRoleAsync(user, role, caller.AsAuditActor());
        return Reply(user);
    }

    public Task<AccountReply> DisableAsync(AccountRequest request, Caller caller, CancellationToken ct) =>
        ChangeAsync(request, caller, (user, by) => administration.DisableAsync(user, by), ct);

    public Task<AccountReply> EnableAsync(AccountRequest request, Caller caller, CancellationToken ct) =>
        ChangeAsync(request, caller, (user, by) => administration.EnableAsync(user, by), ct);

    public async Task<ResetPasswordReply> ResetPasswordAsync(AccountRequest request, Caller caller, CancellationToken ct)
    {
        var password = InitialPassword.New();
        var reply = await ChangeAsync(request, caller, (user, by) => administration.ResetPasswordAsync(user, password, by), ct);
        return new ResetPasswordReply { Account = reply.Account, NewPassword = password };
    }

    private async Task<AccountReply> ChangeAsync(AccountRequest request, Caller caller, Func<StaffUser, Messaging.Audit.AuditActor, Task> change, CancellationToken ct)
    {
        var user = await ManageableAsync(request.AccountId, caller, ct);
        await change(user, caller.AsAuditActor());
        return Reply(user);
    }

    /// <summary>An account of the subtree (else NOT_FOUND) that is not an administrator's (else PERMISSION_DENIED).</summary>
    private async Task<StaffUser> ManageableAsync(string accountId, Caller caller, CancellationToken ct)
    {
        var user = await accounts.FindAsync(caller, accountId, ct);
        AccountsInReach.RefuseAdministrator(user);
        return user;
    }

    private AccountReply Reply(StaffUser user) => new() { Account = user.ToView(clock.GetUtcNow()) };
}
