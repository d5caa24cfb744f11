using Microsoft.Playwright;
using Visitation.Console.BrowserTests.PageObjects;
using Visitation.Console.BrowserTests.Infrastructure;

namespace Visitation.Console.BrowserTests;

/// <summary>Who sees what: menus by role, another role's page refused by address, and signing out.</summary>
public sealed class AccessTests(ConsoleSystem system)
{
    [Fact]
    public async Task AReviewerSeesOnlyTheirMenuAndIsRefusedTheClerksFormByItsAddress()
    {
        await using var session = await ConsoleSession.SignInAsync(system, system.Reviewer);
        var page = session.Page;
        await session.OpenAsync("/", "会见管理控制台");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link)).ToHaveTextAsync(["资格核验", "待复核", "统计报表"]);

        var response = await page.GotoAsync("/Applications/New");
        Assert.Equal(403, response!.Status);
        await session.ExpectPageAsync("没有权限");
    }

    [Fact]
    public async Task SigningOutEndsTheSessionSoTheNextPageAsksForTheIdentityServicesSignInAgain()
    {
        await using var session = await ConsoleSession.SignInAsync(system, system.LeavingClerk);
        var page = session.Page;
        await session.OpenAsync("/Applications", "本所申请");
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signout", StringComparison.Ordinal));

        await page.GotoAsync("/Applications");
        await page.WaitForURLAsync(url => url.StartsWith(system.IdentityAddress + "account/login", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByLabel("用户名")).ToBeVisibleAsync();
    }
}
