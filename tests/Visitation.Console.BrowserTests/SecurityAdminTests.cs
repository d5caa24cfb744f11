using System.Globalization;
using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The security administrator (安全管理员) in the browser, against the real identity service: a clerk who
/// typed five wrong passwords is on the lockouts list, is unlocked after a confirmation and signs in; their
/// authenticator is reset (confirmed) and the next sign-in goes to enrolment; the signing keys are listed with
/// their state, a start in the past is refused beside its field, and the next key is staged after a confirmation.
/// </summary>
public sealed class SecurityAdminTests(ConsoleSystem system)
{
    [Fact]
    public async Task ASecurityAdministratorUnlocksALockedOutClerkWhoThenSignsInAndResetsTheirAuthenticatorSoTheNextSignInEnrols()
    {
        var clerk = system.Accounts.Take("clerk", Orgs.OtherOfficeOfCounty);
        await AdminSecurity.LockOutAsync(system, clerk);

        await using var admin = await ConsoleSession.SignInAsync(system, system.Accounts.Take("security-admin", Orgs.Province));
        await admin.OpenAsync("/", "会见管理控制台");
        await Assertions.Expect(admin.Page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(["安全管理"]);
        await admin.OpenAsync("/Admin/Security", "安全管理");
        var row = admin.LockoutRow(clerk.UserName);
        await Assertions.Expect(row).ToContainTextAsync("司法所工作人员");
        // Locked for fifteen minutes from the fifth failure: the lock's end is shown in China time.
        await Assertions.Expect(row.Locator("td.until")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"));
        var accountId = (await row.Locator("td.id").InnerTextAsync()).Trim();

        // Asked first: the question names the account; nothing changed until it is confirmed.
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "解除锁定 " + clerk.UserName }).ClickAsync();
        await admin.ExpectPageAsync("安全管理");
        await Assertions.Expect(admin.LockoutRow(clerk.UserName)).ToHaveCountAsync(1);
        await admin.ConfirmAsync($"确认解除 {clerk.UserName} 的锁定？", "确认解除锁定");
        await Assertions.Expect(admin.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已解除 {clerk.UserName} 的锁定");
        await Assertions.Expect(admin.LockoutRow(clerk.UserName)).ToHaveCountAsync(0);

        await using (var unlocked = await ConsoleSession.SignInAsync(system, clerk))
        {
            await unlocked.OpenAsync("/Applications", "本所申请");
        }

        // A lost phone: the authenticator reset by the account's id, confirmed; the old codes no longer count.
        await admin.AskToResetFactorAsync(accountId);
        await admin.ConfirmAsync($"确认重置 账号 {accountId} 的身份验证器？", "确认重置");
        await Assertions.Expect(admin.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已重置 {clerk.UserName} 的身份验证器");
        await using var enrolled = await AdminAccounts.FirstSignInAsync(system, new CreatedAccount(clerk.UserName, accountId, clerk.Password));
        await enrolled.OpenAsync("/Applications", "本所申请");
    }

    [Fact]
    public async Task TheProvincesSecurityAdministratorSeesTheSigningKeyIsRefusedAStartInThePastBesideItsFieldAndStagesTheNextKeyAfterConfirming()
    {
        await using var admin = await ConsoleSession.SignInAsync(system, system.Accounts.Take("security-admin", Orgs.Province));
        await admin.OpenAsync("/Admin/Security", "安全管理");
        var keys = admin.Page.Locator("table.keys");
        await Assertions.Expect(keys.GetByRole(AriaRole.Cell, new() { Name = "正在签发令牌" })).ToHaveCountAsync(1);

        var today = DateOnly.FromDateTime(RealClock.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        await admin.AskToStageKeyAsync(today.AddDays(-2), 90);
        await admin.ConfirmAsync("确认暂存新签名密钥？", "确认暂存");
        await Assertions.Expect(admin.Page.Locator(".field-error[data-valmsg-for='Stage.NotBefore']")).ToContainTextAsync("不能早于现在");
        await Assertions.Expect(admin.Page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "新密钥启用日期：不能早于现在" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Field("Stage.ValidFor")).ToHaveValueAsync("90");
        await admin.ExpectPageAsync("安全管理");

        var start = today.AddDays(30);
        await admin.AskToStageKeyAsync(start, 90);
        await admin.ConfirmAsync("确认暂存新签名密钥？", "确认暂存");
        await Assertions.Expect(admin.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已暂存新签名密钥");
        var staged = keys.GetByRole(AriaRole.Row).Filter(new() { HasText = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00" });
        await Assertions.Expect(staged).ToContainTextAsync("待重启身份服务后发布");
    }

    [Fact]
    public async Task ASystemAdministratorIsRefusedTheSecurityPageByItsAddress()
    {
        await using var session = await ConsoleSession.SignInAsync(system, system.Accounts.Take("system-admin", Orgs.Province));
        var response = await session.Page.GotoAsync("/Admin/Security");
        Assert.Equal(403, response!.Status);
        await session.ExpectPageAsync("没有权限");
    }
}
