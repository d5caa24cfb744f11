using Microsoft.Playwright;
using OtpNet;
using Visitation.Console.BrowserTests.Infrastructure;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>The system administrator's account pages, and a new account's first sign-in (password, then enrolment).</summary>
public static class AdminAccounts
{
    /// <summary>Fills the new-account form (role and organisation by their values) and submits it; the page then shows what came back.</summary>
    public static async Task SubmitNewAccountAsync(this ConsoleSession session, string userName, string role, string organisation)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.OpenAsync("/Admin/Accounts/New", "新建账号");
        await session.Field("Form.UserName").FillAsync(userName);
        await session.Field("Form.Role").SelectOptionAsync(role);
        await session.Field("Form.OrganisationId").SelectOptionAsync(organisation);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "新建账号" }).ClickAsync();
    }

    /// <summary>Creates the account through the form; answers its id and the one-time password the page shows once.</summary>
    public static async Task<CreatedAccount> CreateAccountAsync(this ConsoleSession session, string userName, string role, string organisation)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.SubmitNewAccountAsync(userName, role, organisation);
        await session.ExpectPageAsync("账号已创建");
        var page = session.Page;
        return new CreatedAccount(userName, await page.Locator("#created-account-id").InnerTextAsync(), await page.Locator("#one-time-password").InnerTextAsync());
    }

    /// <summary>The accounts list's row of one user name (the list filtered to its organisation).</summary>
    public static async Task<ILocator> AccountRowAsync(this ConsoleSession session, string userName, string organisation)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.OpenAsync("/Admin/Accounts?Filter.OrganisationId=" + organisation, "账号管理");
        return session.Page.GetByRole(AriaRole.Row).Filter(new() { Has = session.Page.GetByRole(AriaRole.Rowheader, new() { Name = userName, Exact = true }) });
    }

    /// <summary>
    /// A new account's first sign-in through the identity service's pages: the one-time password, then the
    /// enrolment page's key added to an "authenticator" (computed here) and its code typed back.
    /// </summary>
    public static Task<ConsoleSession> FirstSignInAsync(ConsoleSystem system, CreatedAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return ConsoleSession.SignInAsync(system, account.UserName, account.Password, async page =>
        {
            await page.WaitForURLAsync(url => url.Contains("/account/enrol", StringComparison.Ordinal));
            var key = (await page.Locator("code").First.InnerTextAsync()).Trim();
            return new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(RealClock.Clock.GetUtcNow().UtcDateTime);
        });
    }
}

/// <summary>An account a test created through the console, with the one-time password the page showed.</summary>
public sealed record CreatedAccount(string UserName, string AccountId, string Password);
