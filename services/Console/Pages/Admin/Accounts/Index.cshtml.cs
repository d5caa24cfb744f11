using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Admin.Accounts;

/// <summary>
/// The accounts of the system administrator's subtree (the identity service lists no other), with
/// role, organisation and standing; each row's role change, disabling, enabling and password reset.
/// A reset's new password is shown on its answer only, as a new account's is.
/// </summary>
public sealed class IndexModel(ServiceClients services, ReferenceDataSet reference) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public AccountFilter Filter { get; set; } = new();

    /// <summary>The row an action was asked for: its account and, for a role change, the new role.</summary>
    [BindProperty]
    public AccountChange Change { get; set; } = new();

    public IReadOnlyList<AccountView> Rows { get; private set; } = [];

    public string? NextPage { get; private set; }

    public IReadOnlyList<(string Id, string Name)> Organisations { get; private set; } = [];

    /// <summary>What the last action did, in words (<c>role="status"</c>).</summary>
    public string? Done { get; private set; }

    /// <summary>A reset's new password and whose it is, on the reset's answer only.</summary>
    public (string UserName, string Password)? NewPassword { get; private set; }

    public ReferenceDataSet Reference => reference;

    public Task OnGetAsync(string? after) => ListAsync(after);

    public Task OnPostChangeRoleAsync() => ActAsync(async (admin, cancel) =>
    {
        var reply = await admin.ChangeRoleAsync(new ChangeRoleRequest { AccountId = Change.AccountId ?? string.Empty, Role = Change.Role }, cancellationToken: cancel);
        Done = $"已将 {reply.Account.UserName} 的角色改为{AdminNames.Of(reply.Account.Role)}，其已登录的会话已结束。";
    });

    public Task OnPostDisableAsync() => ActAsync(async (admin, cancel) =>
    {
        var reply = await admin.DisableAccountAsync(new AccountRequest { AccountId = Change.AccountId ?? string.Empty }, cancellationToken: cancel);
        Done = $"已停用 {reply.Account.UserName}，其已登录的会话已结束。";
    });

    public Task OnPostEnableAsync() => ActAsync(async (admin, cancel) =>
    {
        var reply = await admin.EnableAccountAsync(new AccountRequest { AccountId = Change.AccountId ?? string.Empty }, cancellationToken: cancel);
        Done = $"已启用 {reply.Account.UserName}。";
    });

    public Task OnPostResetPasswordAsync() => ActAsync(async (admin, cancel) =>
    {
        var reply = await admin.ResetPasswordAsync(new AccountRequest { AccountId = Change.AccountId ?? string.Empty }, cancellationToken: cancel);
        NewPassword = (reply.Account.UserName, reply.NewPassword);
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        Done = $"已重置 {reply.Account.UserName} 的密码，其已登录的会话已结束。";
    });

    /// <summary>Does one row's action, then shows the list as it now stands (the refusal, if any, beside the row's role).</summary>
    private async Task ActAsync(Func<IdentityAdminService.IdentityAdminServiceClient, CancellationToken, Task> action)
    {
        try
        {
            await action(await services.IdentityAdminAsync(), HttpContext.RequestAborted);
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, nameof(Change), FieldLabels.Account);
        }

        await ListAsync(after: null);
    }

    private async Task ListAsync(string? after)
    {
        Organisations = Subtree.Of(reference, Organisation);
        await TryCallAsync(async cancel =>
        {
            var admin = await services.IdentityAdminAsync();
            var reply = await admin.ListAccountsAsync(
                new ListAccountsRequest
                {
                    Page = new PageRequest { PageSize = 50, PageToken = after ?? string.Empty },
                    Role = Filter.Role,
                    OrganisationId = Filter.OrganisationId ?? string.Empty,
                    State = Filter.State,
                },
                cancellationToken: cancel);
            Rows = reply.Accounts;
            NextPage = reply.NextPageToken;
        });
    }
}

public sealed class AccountFilter
{
    public StaffRole Role { get; set; }

    public string? OrganisationId { get; set; }

    public AccountState State { get; set; }
}

public sealed class AccountChange
{
    public string? AccountId { get; set; }

    public StaffRole Role { get; set; }
}
