using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Privacy;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The visit centre's register work in the browser, against the real services: a register file read
/// with each bad line's problems beside it and nothing written until the officer confirms; a status set
/// on an inmate whose visit is booked cancels it, and the needs-attention list shows it; closing a
/// terminal's hours names the family (masked phone) before confirming, and the family's SMS follows.
/// </summary>
public sealed partial class OfficerRegisterTests(ConsoleSystem system)
{
    private readonly PrisonCases _cases = new(system);

    [Fact]
    public async Task ARegisterFilesBadLineIsShownWithItsProblemsNothingIsWrittenBeforeConfirmingAndAnExcelImportAddsTheInmates()
    {
        var (kept, broken, added) = (Family.New(), Family.New(), Family.New());
        await using var session = await ConsoleSession.SignInAsync(system, system.Accounts.Take("officer", Orgs.Prison));
        var page = session.Page;

        await session.OpenAsync("/Prison/Register", "罪犯名册导入");
        await page.Locator("#Upload_File").SetInputFilesAsync(PrisonRegisterPages.Csv(
            PrisonRegisterPages.Line(kept.InmateNumber, kept.InmateName), PrisonRegisterPages.Line(broken.InmateNumber, string.Empty, "特管")));
        await page.GetByRole(AriaRole.Button, new() { Name = "读取并预览" }).ClickAsync();
        await session.ExpectPageAsync("罪犯名册导入");
        await Assertions.Expect(session.PreviewRow(2)).ToContainTextAsync("可导入");
        await Assertions.Expect(session.PreviewRow(3)).ToContainTextAsync("姓名未填写");
        await Assertions.Expect(session.PreviewRow(3)).ToContainTextAsync("管理等级“特管”不是可选的值（宽管、普管、考核、严管）");
        await Assertions.Expect(page.Locator(".register-count")).ToContainTextAsync("可导入1行，有问题1行");

        // Previewed, not confirmed: the register does not know the good line's inmate either.
        await session.OpenAsync($"/Prison/Inmates/{kept.InmateNumber}", "罪犯名册查询");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("没有找到该记录");

        await session.OpenAsync("/Prison/Register", "罪犯名册导入");
        await page.Locator("#Upload_File").SetInputFilesAsync(PrisonRegisterPages.Xlsx(
            PrisonRegisterPages.Line(kept.InmateNumber, kept.InmateName), PrisonRegisterPages.Line(added.InmateNumber, added.InmateName, "严管")));
        await page.GetByRole(AriaRole.Button, new() { Name = "读取并预览" }).ClickAsync();
        await session.ExpectPageAsync("罪犯名册导入");
        await Assertions.Expect(page.Locator("table.register-preview tr.invalid")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入2行" }).ClickAsync();
        await session.ExpectPageAsync("罪犯名册导入");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已导入2名罪犯：新增2名，更新0名。");

        await session.OpenAsync($"/Prison/Inmates?number={added.InmateNumber}", $"{added.InmateName}（{added.InmateNumber}）");
        await Assertions.Expect(page.Locator("dl.answers")).ToContainTextAsync("严管");
    }

    [Fact]
    public async Task AStatusSetOnAnInmateWithABookedVisitCancelsItAndTheVisitAppearsInNeedsAttention()
    {
        var family = Family.New();
        var id = await _cases.BureauApprovedAsync(family);
        var visit = await PrisonRegisterPages.BookedAsync(system, id);
        await using var session = await ConsoleSession.SignInAsync(system, system.Accounts.Take("officer", Orgs.Prison));
        var page = session.Page;
        var heading = $"{family.InmateName}（{family.InmateNumber}）";

        // The inmate found by number; a status without its kind is refused beside the field.
        await session.OpenAsync("/Prison/Inmates", "罪犯名册查询");
        await page.GetByLabel("罪犯编号").FillAsync(family.InmateNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await session.ExpectPageAsync(heading);
        await session.Field("SetStatus.From").FillAsync(visit.Date);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记状态" }).ClickAsync();
        await session.ExpectPageAsync(heading);
        var beside = (await page.Locator("[data-valmsg-for='SetStatus.Kind']").InnerTextAsync()).Trim();
        Assert.Matches(HanCharacters(), beside);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"状态类别：{beside}");
        await Assertions.Expect(session.Field("SetStatus.From")).ToHaveValueAsync(visit.Date); // the entries kept

        await session.Field("SetStatus.Kind").SelectOptionAsync(new SelectOptionValue { Label = "禁闭" });
        // No last day: a suspension without an end cancels without a re-offer (one with an end offers a day after it).
        await page.GetByRole(AriaRole.Button, new() { Name = "登记状态" }).ClickAsync();
        await session.ExpectPageAsync(heading);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已登记状态“禁闭”");
        await Assertions.Expect(page.Locator("table.statuses")).ToContainTextAsync("民警登记");

        await session.OpenUntilShownAsync("/Prison/Attention", "需关注的会见", () => session.AffectedRow(id));
        var row = session.AffectedRow(id);
        await Assertions.Expect(row).ToContainTextAsync($"{visit.Date} {visit.StartTime}");
        await Assertions.Expect(row).ToContainTextAsync("罪犯状态暂停会见");
        await Assertions.Expect(row).ToContainTextAsync("不另行安排");
        await session.SmsContainingAsync(family.Phone, $"{visit.StartTime}的远程视频会见已取消");
    }

    [Fact]
    public async Task CancellingADaysHoursNamesTheFamilyBeforeConfirmingAndTheirSmsReachesTheGateway()
    {
        var family = Family.New();
        var id = await _cases.BureauApprovedAsync(family);
        var visit = await PrisonRegisterPages.BookedAsync(system, id);
        var end = TimeOnly.ParseExact(visit.StartTime, "HH:mm", CultureInfo.InvariantCulture).AddMinutes(40).ToString("HH:mm", CultureInfo.InvariantCulture);
        await using var session = await ConsoleSession.SignInAsync(system, system.Accounts.Take("officer", Orgs.Prison));
        var page = session.Page;

        // Only the visit's own prison terminal for its hours: other tests' visits keep their day.
        await session.OpenAsync("/Prison/Closures", "停开与取消会见日");
        await session.Field("Close.Date").FillAsync(visit.Date);
        await session.Field("Close.Cause").SelectOptionAsync(new SelectOptionValue { Label = "会见设备检修" });
        await session.Field("Close.TerminalId").FillAsync(visit.PrisonTerminal);
        await session.Field("Close.StartTime").FillAsync(visit.StartTime);
        await session.Field("Close.EndTime").FillAsync(end);
        await page.GetByRole(AriaRole.Button, new() { Name = "查看将通知的家属" }).ClickAsync();
        await session.ExpectPageAsync("停开与取消会见日");
        var told = page.Locator("table.told-families tbody tr").Filter(new() { HasText = id });
        await Assertions.Expect(told).ToContainTextAsync(Mask.Phone(family.Phone));
        await Assertions.Expect(told).ToContainTextAsync($"{visit.Date} {visit.StartTime}");
        await Assertions.Expect(page.Locator("table.told-families")).Not.ToContainTextAsync(family.Phone);
        // Nothing closed yet: the visit is still booked.
        Assert.Equal(VisitStatus.Scheduled, await StatusOfAsync(visit.VisitId));

        await page.GetByRole(AriaRole.Button, new() { Name = "确认停开并通知家属" }).ClickAsync();
        await session.ExpectPageAsync("停开与取消会见日");
        await Assertions.Expect(page.Locator(".closed-result")).ToContainTextAsync(id);
        await Assertions.Expect(page.Locator("table.closures")).ToContainTextAsync(visit.PrisonTerminal);
        Assert.Equal(VisitStatus.Cancelled, await StatusOfAsync(visit.VisitId));
        await session.SmsContainingAsync(family.Phone, "新的会见时间确定后将另行短信通知");
    }

    private async Task<VisitStatus> StatusOfAsync(string visitId)
    {
        var scheduling = new SchedulingService.SchedulingServiceClient(await system.Machines.AsAsync(system, "Scheduling", "scheduling", "officer", Orgs.Prison));
        return (await scheduling.GetVisitAsync(new GetVisitRequest { VisitId = visitId })).Status;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanCharacters();
}
