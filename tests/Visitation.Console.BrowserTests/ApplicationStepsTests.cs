using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The clerk's application form in steps, in a browser that runs no script: each step keeps the others'
/// answers (back and forward, and "修改…" from the check page), the step of month and venue shows the
/// inmate's months so far as the office knows them, and the form files the application.
/// </summary>
public sealed class ApplicationStepsTests(ConsoleSystem system)
{
    [Fact]
    public async Task WithoutScriptTheStepsKeepEveryAnswerShowTheInmatesMonthSoFarAndFileTheApplication()
    {
        await using var signedIn = await ConsoleSession.SignInAsync(system, system.Accounts.Take("clerk", Orgs.Office));
        await using var session = await signedIn.WithoutScriptsAsync();
        var page = session.Page;
        var family = Family.New();

        await session.OpenAsync("/Applications/New", "受理会见申请");
        await session.FillApplicationAsync(family, family.IdNumber);
        // A first application for this inmate: the office has none in the months it may apply for.
        await Assertions.Expect(page.Locator("#month-so-far-none")).ToBeVisibleAsync();

        // Back two steps: the visitor's answers are still there, and forward again keeps the contact ticked.
        await page.GetByRole(AriaRole.Button, new() { Name = "上一步" }).ClickAsync();
        await session.ExpectStepAsync(3, "监护人和联系人");
        await Assertions.Expect(session.Field("Form.Visitors[0].IsContact")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "上一步" }).ClickAsync();
        await session.ExpectStepAsync(2, "会见人及证件");
        await Assertions.Expect(session.Field("Form.Visitors[0].IdNumber")).ToHaveValueAsync(family.IdNumber);
        await Assertions.Expect(page.Locator("#Form_Visitors_0__Documents").GetByLabel("户口簿")).ToBeCheckedAsync();
        await session.NextStepAsync(3, "监护人和联系人");
        await session.NextStepAsync(4, "会见月份、会见室和意向日期");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：核对" }).ClickAsync();
        await session.ExpectPageAsync("核对申请信息");

        // "修改服刑人员" from the check page: the first step, as typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "修改服刑人员" }).ClickAsync();
        await session.ExpectStepAsync(1, "服刑人员");
        await Assertions.Expect(session.Field("Form.Inmate.Name")).ToHaveValueAsync(family.InmateName);
        await session.NextStepAsync(2, "会见人及证件");
        await session.NextStepAsync(3, "监护人和联系人");
        await session.NextStepAsync(4, "会见月份、会见室和意向日期");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：核对" }).ClickAsync();
        await session.ExpectPageAsync("核对申请信息");
        var visitors = page.GetByRole(AriaRole.Table, new() { Name = "会见人" });
        await Assertions.Expect(visitors).ToContainTextAsync(family.IdNumber);
        await Assertions.Expect(visitors.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("是");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).ClickAsync();
        await session.ExpectPageAsync("远程视频会见申请受理回执");
        var number = (await page.Locator("#application-number").InnerTextAsync()).Trim();

        // The same inmate again: the step of month and venue lists the office's application of the month.
        await session.OpenAsync("/Applications/New", "受理会见申请");
        await session.FillApplicationAsync(family, family.IdNumber);
        var soFar = page.GetByRole(AriaRole.Table, new() { Name = "本所为该服刑人员受理的申请" }).GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Assertions.Expect(soFar).ToContainTextAsync(TestDates.VisitMonth);
        await Assertions.Expect(soFar).ToContainTextAsync("已受理，待县司法局审核");
    }
}
