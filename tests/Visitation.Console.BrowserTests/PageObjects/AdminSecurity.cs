using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>The security administrator's page, and what gets an account onto it (five wrong passwords).</summary>
public static class AdminSecurity
{
    /// <summary>Types a wrong password at the identity service's sign-in page until it says the account is locked.</summary>
    internal static async Task LockOutAsync(ConsoleSystem system, StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(account);
        await using var context = await system.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = system.ConsoleAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "登录" }).ClickAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GetByLabel("用户名").FillAsync(account.UserName);
            await page.GetByLabel("密码").FillAsync(account.Password + "-wrong");
            await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
            // The answer is a new page: its password field is empty again (the typed one was not).
            await Assertions.Expect(page.GetByLabel("密码")).ToHaveValueAsync(string.Empty);
            await Assertions.Expect(page.GetByText(attempt < 5 ? "用户名或密码错误" : "账号已锁定", new() { Exact = false })).ToBeVisibleAsync();
        }
    }

    /// <summary>The lockouts table's row of one user name.</summary>
    public static ILocator LockoutRow(this ConsoleSession session, string userName)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Page.Locator("table.lockouts").GetByRole(AriaRole.Row)
            .Filter(new() { Has = session.Page.GetByRole(AriaRole.Rowheader, new() { Name = userName, Exact = true }) });
    }

    /// <summary>Answers the confirmation the page now asks: the question's heading, then its confirm button.</summary>
    public static async Task ConfirmAsync(this ConsoleSession session, string question, string confirm)
    {
        ArgumentNullException.ThrowIfNull(session);
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = question })).ToBeVisibleAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = confirm, Exact = true }).ClickAsync();
    }

    /// <summary>Fills the next key's start (a China date) and validity and asks to stage it.</summary>
    public static async Task AskToStageKeyAsync(this ConsoleSession session, DateOnly start, int days)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Field("Stage.NotBefore").FillAsync(start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await session.Field("Stage.ValidFor").FillAsync(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.Page.Locator("form").Filter(new() { Has = session.Field("Stage.ValidFor") }).GetByRole(AriaRole.Button, new() { Name = "下一步：确认" }).ClickAsync();
    }

    /// <summary>Types an account's id into the authenticator reset's form and asks to reset it.</summary>
    public static async Task AskToResetFactorAsync(this ConsoleSession session, string accountId)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Field("Act.AccountId").FillAsync(accountId);
        await session.Page.Locator("form").Filter(new() { Has = session.Field("Act.AccountId") }).GetByRole(AriaRole.Button, new() { Name = "下一步：确认" }).ClickAsync();
    }
}
