using Microsoft.Playwright;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>What the reviewer's tests need from the counter: an application filed by a clerk through the console's own form.</summary>
public static class ReviewFilings
{
    /// <summary>Files <paramref name="family"/>'s application as the clerk (form, check, submit); returns its number from the receipt.</summary>
    public static async Task<string> FileApplicationAsync(this ConsoleSession clerk, Family family)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        ArgumentNullException.ThrowIfNull(family);
        await clerk.OpenAsync("/Applications/New", "受理会见申请");
        await clerk.FillApplicationAsync(family, family.IdNumber);
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "下一步：核对" }).ClickAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).ClickAsync();
        await clerk.ExpectPageAsync("远程视频会见申请受理回执");
        return (await clerk.Page.Locator("#application-number").InnerTextAsync()).Trim();
    }
}
