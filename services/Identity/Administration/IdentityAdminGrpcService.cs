using Grpc.Core;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Administration.Accounts;
using Visitation.Identity.Administration.Keys;
using Visitation.Identity.Administration.Lockouts;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Administration;

/// <summary>
/// The administration API, a routing table: the shared <see cref="AccessInterceptor"/> has allowed the
/// call by <see cref="AdminAccessTable"/> before any of these runs, and each use case is a handler.
/// </summary>
public sealed class IdentityAdminGrpcService(
    ListAccountsHandler listAccounts,
    CreateAccountHandler createAccount,
    ChangeAccountHandler changeAccount,
    ListLockoutsHandler listLockouts,
    AccountSecurityHandler accountSecurity,
    SigningKeysHandler signingKeys) : IdentityAdminService.IdentityAdminServiceBase
{
    public override Task<ListAccountsReply> ListAccounts(ListAccountsRequest request, ServerCallContext context) =>
        listAccounts.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<CreateAccountReply> CreateAccount(CreateAccountRequest request, ServerCallContext context) =>
        createAccount.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<AccountReply> ChangeRole(ChangeRoleRequest request, ServerCallContext context) =>
        changeAccount.ChangeRoleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<AccountReply> DisableAccount(AccountRequest request, ServerCallContext context) =>
        changeAccount.DisableAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<AccountReply> EnableAccount(AccountRequest request, ServerCallContext context) =>
        changeAccount.EnableAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ResetPasswordReply> ResetPassword(AccountRequest request, ServerCallContext context) =>
        changeAccount.ResetPasswordAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ListLockoutsReply> ListLockouts(ListLockoutsRequest request, ServerCallContext context) =>
        listLockouts.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<AccountReply> UnlockAccount(AccountRequest request, ServerCallContext context) =>
        accountSecurity.UnlockAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<AccountReply> ResetSecondFactor(AccountRequest request, ServerCallContext context) =>
        accountSecurity.ResetSecondFactorAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ListSigningKeysReply> ListSigningKeys(ListSigningKeysRequest request, ServerCallContext context)
    {
        // Nothing of an account to reach, but still only for a caller the interceptor allowed (deny by default).
        _ = Caller.From(context);
        return Task.FromResult(signingKeys.List());
    }

    public override Task<StageSigningKeyReply> StageSigningKey(StageSigningKeyRequest request, ServerCallContext context) =>
        signingKeys.StageAsync(request, Caller.From(context), context.CancellationToken);
}
