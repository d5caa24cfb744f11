using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>
/// One person's browser session on the console: signed in through the identity service's own pages
/// (password, then the authenticator code), and the checks every page gets when a test lands on it —
/// its heading, and an axe scan with no serious or critical violation.
/// </summary>
public sealed class ConsoleSession(ConsoleSystem system, IBrowserContext context, IPage page, bool scripts = true) : IAsyncDisposable
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public IPage Page => page;

    public ConsoleSystem System => system;

    internal static Task<ConsoleSession> SignInAsync(ConsoleSystem system, StaffAccount account) =>
        SignInAsync(system, account.UserName, account.Password, _ => Task.FromResult(account.CurrentCode()));

    /// <summary>
    /// Signs in through the identity service's own pages: the user name and password, then the six digits
    /// <paramref name="authenticatorCode"/> gives once the second-factor page is shown (an enrolled account's
    /// app, or a new account's enrolment page).
    /// </summary>
    internal static async Task<ConsoleSession> SignInAsync(ConsoleSystem system, string userName, string password, Func<IPage, Task<string>> authenticatorCode)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(authenticatorCode);
        var context = await system.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = system.ConsoleAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "登录" }).ClickAsync();
        // The identity service's page, on its own address: the console never sees the password.
        await page.WaitForURLAsync(url => url.StartsWith(system.IdentityAddress.ToString(), StringComparison.Ordinal));
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        var code = await authenticatorCode(page);
        await page.GetByLabel("身份验证器上的6位验证码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(system.ConsoleAddress.ToString(), StringComparison.Ordinal));
        return new ConsoleSession(system, context, page);
    }

    /// <summary>Opens a console address and checks the page as <see cref="ExpectPageAsync"/> does.</summary>
    public async Task OpenAsync(string path, string heading)
    {
        await page.GotoAsync(path);
        await ExpectPageAsync(heading);
    }

    /// <summary>The page now shown has this heading and passes the accessibility scan.</summary>
    public async Task ExpectPageAsync(string heading)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        if (!scripts)
        {
            // axe runs as the page's own script: a session without script is scanned where it has one.
            return;
        }

        var scan = await page.RunAxe();
        var blocking = scan.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(blocking.Count == 0, $"{page.Url} has accessibility violations:\n{string.Join("\n", blocking)}");
        await Screenshots.SaveAsync(page);
    }

    /// <summary>The element a field's tag helper names (Form.Visitors[0].IdNumber → #Form_Visitors_0__IdNumber).</summary>
    public ILocator Field(string name) => page.Locator("#" + name.Replace('.', '_').Replace('[', '_').Replace(']', '_'));

    /// <summary>A second session of the same signed-in person whose browser runs no script (the pages must work without it).</summary>
    public async Task<ConsoleSession> WithoutScriptsAsync()
    {
        var state = await context.StorageStateAsync();
        var bare = await system.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", BaseURL = system.ConsoleAddress.ToString(), StorageState = state, JavaScriptEnabled = false,
        });
        return new ConsoleSession(system, bare, await bare.NewPageAsync(), scripts: false);
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
