using System.Text;
using ClosedXML.Excel;
using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The county's manager in the browser, against the real services: two applications the office files and
/// the county decides show up in the county's report (by office and month, with the refusal's coded reason
/// in Chinese) beside charts; the CSV and Excel exports hold the same figures; and the audit administrator
/// finds both exports in the audit search. Counts are compared before and after, since other tests file in
/// the same office and month.
/// </summary>
public sealed class ReportsTests(ConsoleSystem system)
{
    private const string ThisOffice = "永济市城西街道司法所";
    private const string Filed = "申请办理情况";
    private const string Refusals = "不予通过的原因";
    private const string Incomplete = "县司法局复审：证明材料不齐全（DOCUMENTS_INCOMPLETE）";

    [Fact]
    public async Task ACountyReviewerSeesTheCountysFiguresAfterApplicationsGoThroughDownloadsThemAsCsvAndExcelAndTheExportsAreAudited()
    {
        await using var manager = await ConsoleSession.SignInAsync(system, system.Accounts.Take("reviewer", Orgs.Bureau));
        await manager.OpenAsync("/Reports", ReportsPages.Heading);
        var month = await manager.Field("Form.ToMonth").InputValueAsync();
        await Assertions.Expect(manager.Field("Form.GroupBy")).ToHaveValueAsync(nameof(ReportGrouping.Office));
        var filedBefore = await manager.FigureAsync(Filed, ThisOffice, month, "合计");
        var refusedBefore = await manager.FigureAsync(Refusals, ThisOffice, month, "件数", Incomplete);

        // The office files two applications; the county approves one and refuses the other for incomplete documents.
        var clerk = new ApplicationService.ApplicationServiceClient(await system.Machines.AsAsync(system, "Application", "application", "clerk", Orgs.Office));
        var reviewer = new BureauReviewService.BureauReviewServiceClient(await system.Machines.AsAsync(system, "BureauReview", "bureau-review", "reviewer", Orgs.Bureau));
        var approved = (await clerk.SubmitApplicationAsync(Family.New().Submission())).ApplicationId;
        var refused = (await clerk.SubmitApplicationAsync(Family.New().Submission())).ApplicationId;
        await Waits.UntilAsync(async () =>
        {
            var tasks = (await reviewer.ListPendingReviewsAsync(new ListPendingReviewsRequest { Page = new() { PageSize = 200 } })).Tasks;
            return tasks.Any(t => t.ApplicationId == approved) && tasks.Any(t => t.ApplicationId == refused);
        }, "the county's two review tasks");
        await reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = approved });
        await reviewer.RejectApplicationAsync(new RejectReviewRequest { ApplicationId = refused, ReasonCode = "DOCUMENTS_INCOMPLETE", Reason = "材料不全" });

        // The county's report: two more filed in the office's row of the month, one more refusal for incomplete documents.
        await manager.ReportUntilAsync(string.Empty, async page =>
            await page.FigureAsync(Filed, ThisOffice, month, "合计") >= filedBefore + 2
            && await page.FigureAsync(Refusals, ThisOffice, month, "件数", Incomplete) >= refusedBefore + 1, "the two applications and the refusal in the county's report");
        await Assertions.Expect(manager.Page.Locator("figure.report-chart svg[role='img']").First).ToBeVisibleAsync();
        await Assertions.Expect(manager.Page.Locator("figure.report-chart").Filter(new() { HasText = "不予通过的原因" }).GetByRole(AriaRole.Row, new() { Name = "证明材料不齐全" })).ToHaveCountAsync(1);
        await Assertions.Expect(manager.Page.GetByRole(AriaRole.Heading, new() { Name = "明细（按司法所、按月）" })).ToBeVisibleAsync();
        // Other test classes may file in the same office and month meanwhile: the exports are compared with the figures at least this high.
        var filed = await manager.FigureAsync(Filed, ThisOffice, month, "合计");

        // The CSV: one line per figure, the office's total of the month among them.
        var (csvName, csv) = await manager.ExportAsync("导出 CSV");
        Assert.EndsWith("-office.csv", csvName, StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("表,单位,单位编号,月份,分类,项目,数值", lines[0]);
        Assert.True(Value(lines, $"{Filed},{ThisOffice},{Orgs.Office},{month},,合计,") >= filed, "the office's total of the month in the CSV");
        Assert.True(Value(lines, $"{Refusals},{ThisOffice},{Orgs.Office},{month},{Incomplete},件数,") >= refusedBefore + 1, "the refusal reason in the CSV");

        // The workbook: a sheet per table, the office's month row with its total.
        var (xlsxName, xlsx) = await manager.ExportAsync("导出 Excel");
        Assert.EndsWith("-office.xlsx", xlsxName, StringComparison.Ordinal);
        using (var workbook = new XLWorkbook(new MemoryStream(xlsx)))
        {
            var sheet = workbook.Worksheet(Filed);
            Assert.Equal(["单位", "单位编号", "月份", "合计"], sheet.Row(1).Cells(1, 4).Select(c => c.GetString()));
            var row = Assert.Single(sheet.RowsUsed(), r => r.Cell(2).GetString() == Orgs.Office && r.Cell(3).GetString() == month);
            Assert.Equal(ThisOffice, row.Cell(1).GetString());
            Assert.True(row.Cell(4).GetValue<int>() >= filed, "the office's total of the month in the workbook");
            Assert.Contains(workbook.Worksheets, w => w.Name == "各环节办理用时");
        }

        // Both exports, as the audit administrator finds them: who, what and with which months, grouping and format.
        await using var auditor = await ConsoleSession.SignInAsync(system, system.Accounts.Take("audit-admin", Orgs.Province));
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var record = $"months:{await FromMonthOf(manager)}..{month};by:office;format:{format}";
            var rows = await auditor.SearchUntilAsync($"Filter.EventType=ReportExported&Filter.RecordType=application_report&Filter.RecordId={Uri.EscapeDataString(record)}", record);
            await Assertions.Expect(rows.First).ToContainTextAsync("导出统计报表");
            await Assertions.Expect(rows.First).ToContainTextAsync("reporting");
        }
    }

    private static int Value(IEnumerable<string> lines, string prefix) =>
        int.Parse(Assert.Single(lines, line => line.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static Task<string> FromMonthOf(ConsoleSession session) => session.Field("Form.FromMonth").InputValueAsync();
}
