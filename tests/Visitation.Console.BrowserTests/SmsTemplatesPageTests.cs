using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The operator previews the registered SMS templates from the reference-data page: every template,
/// each with the SMS its examples make, its variables' limits and its code at both providers, as the
/// running notification service composes them (docs/sms-providers.md).
/// </summary>
public sealed class SmsTemplatesPageTests(ConsoleSystem system)
{
    [Fact]
    public async Task TheOperatorPreviewsEveryRegisteredTemplateWithItsLimitsAndProviderCodes()
    {
        await using var operatorSession = await ConsoleSession.SignInAsync(system, system.Accounts.Take("operator", Orgs.Province));
        var page = operatorSession.Page;
        await operatorSession.OpenAsync("/Admin/ReferenceData", "参考数据");
        await page.Locator("#sms-templates-link").ClickAsync();
        await operatorSession.ExpectPageAsync("短信模板");

        await Assertions.Expect(page.Locator("table.sms-template")).ToHaveCountAsync(Enum.GetValues<Visitation.Rules.Sms.SmsKind>().Length);
        await Assertions.Expect(page.Locator("#sms-signature")).ToHaveTextAsync("【远程视频会见】");
        await Assertions.Expect(page.Locator("#sms-codes-state")).ToContainTextAsync("示例代码");
        var scheduled = page.Locator("#sms-template-Scheduled");
        await Assertions.Expect(scheduled.Locator("caption")).ToHaveTextAsync("会见安排通知");
        await Assertions.Expect(scheduled.Locator("td.example")).ToContainTextAsync("【远程视频会见】您申请的远程视频会见已安排在2026年12月31日 09:40");
        await Assertions.Expect(scheduled.Locator("ul.variables")).ToContainTextAsync("venueAddress：最长 35 字");
        await Assertions.Expect(scheduled.Locator("ul.codes")).ToContainTextAsync("阿里云：SMS_000000104");
        await Assertions.Expect(scheduled.Locator("ul.codes")).ToContainTextAsync("腾讯云：1000104");
    }
}
