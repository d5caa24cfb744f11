using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Admin.Security;

/// <summary>
/// The security administrator's page (安全管理): the subtree's locked-out accounts with unlock and
/// second-factor reset, a second-factor reset by account id (a lost phone is not a lockout), and the
/// signing keys with the staging of the next one. Every change is asked once more before it is made
/// (a confirmation step that needs no script); the identity service decides each call.
/// </summary>
public sealed class IndexModel(ServiceClients services, ReferenceDataSet reference) : ConsolePage
{
    public ReferenceDataSet Reference => reference;

    /// <summary>The account an action is for (from a lockout's row, or typed), and which action.</summary>
    [BindProperty]
    public AccountAction Act { get; set; } = new();

    /// <summary>The next signing key's start (a China date) and validity in days.</summary>
    [BindProperty]
    public KeyStage Stage { get; set; } = new();

    public IReadOnlyList<AccountView> Lockouts { get; private set; } = [];

    public string? NextPage { get; private set; }

    public IReadOnlyList<SigningKeyView> Keys { get; private set; } = [];

    /// <summary>Set when the keys are not this administrator's (a county's): said as a fact, not as an error.</summary>
    public bool KeysNotMine { get; private set; }

    /// <summary>The change being asked about, shown with its confirm button; null when nothing is asked.</summary>
    public SecurityQuestion? Asking { get; private set; }

    /// <summary>What the last change did, in words (<c>role="status"</c>).</summary>
    public string? Done { get; private set; }

    public Task OnGetAsync(string? after) => ShowAsync(after);

    /// <summary>A lockout row's or the typed account's action, asked before it is made.</summary>
    public Task OnPostAskAsync()
    {
        if (string.IsNullOrWhiteSpace(Act.AccountId))
        {
            Errors.ShowField(ModelState, nameof(Act), "account_id", FieldLabels.Security, "必填");
        }
        else
        {
            Asking = Act.Kind == AccountActionKind.Unlock ? SecurityQuestion.Unlock : SecurityQuestion.ResetFactor;
        }

        return ShowAsync(after: null);
    }

    public Task OnPostUnlockAsync() => ActAsync(nameof(Act), FieldLabels.Security, async (admin, cancel) =>
    {
        var reply = await admin.UnlockAccountAsync(new AccountRequest { AccountId = Act.AccountId ?? string.Empty }, cancellationToken: cancel);
        Done = $"已解除 {reply.Account.UserName} 的锁定，本人可以重新登录。";
    });

    public Task OnPostResetFactorAsync() => ActAsync(nameof(Act), FieldLabels.Security, async (admin, cancel) =>
    {
        var reply = await admin.ResetSecondFactorAsync(new AccountRequest { AccountId = Act.AccountId ?? string.Empty }, cancellationToken: cancel);
        Done = $"已重置 {reply.Account.UserName} 的身份验证器，其已登录的会话已结束；本人下次登录时须重新绑定身份验证器。";
    });

    /// <summary>The key's start and validity, asked before the key is made (the service checks them when it is).</summary>
    public Task OnPostAskStageAsync()
    {
        if (Stage.NotBefore is null)
        {
            Errors.ShowField(ModelState, nameof(Stage), "not_before", FieldLabels.Security, "必填");
        }

        if (Stage.ValidFor is null)
        {
            Errors.ShowField(ModelState, nameof(Stage), "valid_for", FieldLabels.Security, "必填");
        }

        if (!Errors.Any)
        {
            Asking = SecurityQuestion.StageKey;
        }

        return ShowAsync(after: null);
    }

    public Task OnPostStageAsync() => ActAsync(nameof(Stage), FieldLabels.Security, async (admin, cancel) =>
    {
        var reply = await admin.StageSigningKeyAsync(
            new StageSigningKeyRequest
            {
                NotBefore = Stage.NotBefore is { } day ? Timestamp.FromDateTimeOffset(KeyStage.StartOf(day)) : null,
                ValidFor = Stage.ValidFor is { } days ? Duration.FromTimeSpan(TimeSpan.FromDays(days)) : null,
            },
            cancellationToken: cancel);
        Done = $"已暂存新签名密钥 {reply.Key.KeyId}。请在启用日期前重启身份服务（每个实例），新密钥自启用日期起签发令牌。";
    });

    /// <summary>Makes one confirmed change; a refusal beside its field (the typed values kept) or as its sentence; then the page as it now stands.</summary>
    private async Task ActAsync(string prefix, FieldLabels labels, Func<IdentityAdminService.IdentityAdminServiceClient, CancellationToken, Task> action)
    {
        try
        {
            await action(await services.IdentityAdminAsync(), HttpContext.RequestAborted);
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, prefix, labels);
        }

        await ShowAsync(after: null);
    }

    private async Task ShowAsync(string? after)
    {
        var admin = await services.IdentityAdminAsync();
        await TryCallAsync(async cancel =>
        {
            var reply = await admin.ListLockoutsAsync(
                new ListLockoutsRequest { Page = new PageRequest { PageSize = 50, PageToken = after ?? string.Empty } }, cancellationToken: cancel);
            Lockouts = reply.Accounts;
            NextPage = reply.NextPageToken;
        });
        try
        {
            Keys = (await admin.ListSigningKeysAsync(new ListSigningKeysRequest(), cancellationToken: HttpContext.RequestAborted)).Keys;
        }
        catch (RpcException error) when (error.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
        {
            // Only a province's security administrator holds the keys (they sign every organisation's tokens).
            KeysNotMine = true;
        }
        catch (RpcException error)
        {
            Errors.Show(error);
        }
    }
}

public enum AccountActionKind
{
    Unlock,
    ResetFactor,
}

public enum SecurityQuestion
{
    Unlock,
    ResetFactor,
    StageKey,
}

public sealed class AccountAction
{
    public string? AccountId { get; set; }

    /// <summary>The account's user name as the list showed it: only to name it in the question.</summary>
    public string? UserName { get; set; }

    public AccountActionKind Kind { get; set; }
}

public sealed class KeyStage
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The day (China time) the key starts signing: at its midnight.</summary>
    public DateOnly? NotBefore { get; set; }

    /// <summary>How many days it signs (the service takes 1 to 730).</summary>
    public int? ValidFor { get; set; }

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), China);

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"自 {NotBefore:yyyy-MM-dd} 零时（北京时间）起，有效 {ValidFor} 天");
}
