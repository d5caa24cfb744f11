using Microsoft.Playwright;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>The organisation switch of a person allowed several sites.</summary>
public static class SiteSwitch
{
    /// <summary>Follows the header's "切换机构", picks the organisation and lands on the front page acting for it.</summary>
    public static async Task ActForAsync(this ConsoleSession session, string organisation)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "切换机构" }).ClickAsync();
        await session.ExpectPageAsync("切换机构");
        await session.Page.Locator($"input[name='Form.Organisation'][value='{organisation}']").CheckAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "切换" }).ClickAsync();
        await session.ExpectPageAsync("会见管理控制台");
    }
}
