using Microsoft.Playwright;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>The clerk's pages after the counter: the office's list, one application's page, its withdrawal.</summary>
public static class ClerkApplicationPages
{
    /// <summary>Files <paramref name="family"/>'s application through the form (fill, check, submit) and returns its number from the receipt.</summary>
    public static async Task<string> FileApplicationAsync(this ConsoleSession session, Family family)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.OpenAsync("/Applications/New", "受理会见申请");
        await session.FillApplicationAsync(family, family.IdNumber);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "下一步：核对" }).ClickAsync();
        await session.ExpectPageAsync("核对申请信息");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).ClickAsync();
        await session.ExpectPageAsync("远程视频会见申请受理回执");
        return (await session.Page.Locator("#application-number").InnerTextAsync()).Trim();
    }

    /// <summary>The office's list searched as typed into its box, with a status chosen ("全部" for none).</summary>
    public static async Task<ILocator> SearchAsync(this ConsoleSession session, string query, string status = "全部")
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.OpenAsync("/Applications", "本所申请");
        await session.Page.GetByLabel("申请编号或姓名").FillAsync(query);
        await session.Page.GetByLabel("状态").SelectOptionAsync(new SelectOptionValue { Label = status });
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await session.ExpectPageAsync("本所申请");
        return session.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Row).Filter(new() { Has = session.Page.GetByRole(AriaRole.Cell) });
    }

    /// <summary>Opens one application's page by its address.</summary>
    public static Task OpenApplicationAsync(this ConsoleSession session, string number)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.OpenAsync("/Applications/" + number, "申请详情");
    }

    /// <summary>The application's page reloaded until its SMS table shows <paramref name="smsRow"/> (the SMS travels through events).</summary>
    public static async Task<ILocator> WaitForSmsAsync(this ConsoleSession session, string number, string smsRow)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = session.Page.Locator("#sms tbody tr").Filter(new() { HasText = smsRow });
        for (var attempt = 0; ; attempt++)
        {
            await session.OpenApplicationAsync(number);
            try
            {
                await Assertions.Expect(rows).ToHaveCountAsync(1, new() { Timeout = 2_000 });
                return rows;
            }
            catch (PlaywrightException) when (attempt < 30)
            {
                // Not there yet: the page is read again, as the clerk would refresh it.
            }
        }
    }

    /// <summary>From the application's page: 撤回申请, the reason, 下一步, then the confirmation page (not yet confirmed).</summary>
    public static async Task StartWithdrawalAsync(this ConsoleSession session, string reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "撤回申请" }).ClickAsync();
        await session.ExpectPageAsync("撤回申请");
        await session.Page.GetByLabel("撤回原因").FillAsync(reason);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "下一步：确认" }).ClickAsync();
    }

    /// <summary>The message the ID check shows beside a visitor's ID number field (Form.Visitors[n].IdNumber).</summary>
    public static ILocator IdCheckOf(this ConsoleSession session, int visitor)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Page.Locator($"#Form_Visitors_{visitor}__IdNumber-check");
    }
}
