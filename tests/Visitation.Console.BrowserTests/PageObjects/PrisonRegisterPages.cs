using System.Diagnostics;
using System.Text;
using ClosedXML.Excel;
using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>
/// The visit centre's register, inmate, closure and attention pages (/Prison/Register, /Prison/Inmates,
/// /Prison/Closures, /Prison/Attention): register files as the officer's spreadsheet would save them,
/// a family's visit proposed by the prison's machine client, and the rows the pages list.
/// </summary>
internal static class PrisonRegisterPages
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The template's header, in its order.</summary>
    private static readonly string[] Header = ["罪犯编号", "姓名", "监区", "管理等级", "未成年", "罪名类别", "状态", "状态开始", "状态结束", "状态说明"];

    /// <summary>A register file in CSV, UTF-8 with its byte order mark as spreadsheet programs save it; each line's cells in the header's order.</summary>
    public static FilePayload Csv(params string[][] lines) => new()
    {
        Name = "名册.csv",
        MimeType = "text/csv",
        Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", new[] { Header }.Concat(lines).Select(cells => string.Join(',', cells))) + "\r\n")],
    };

    /// <summary>The same lines as an Excel workbook (.xlsx), its first sheet.</summary>
    public static FilePayload Xlsx(params string[][] lines)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("名册");
        foreach (var (cells, row) in new[] { Header }.Concat(lines).Select((cells, i) => (cells, i + 1)))
        {
            for (var column = 0; column < cells.Length; column++)
            {
                sheet.Cell(row, column + 1).SetValue(cells[column]);
            }
        }

        using var content = new MemoryStream();
        workbook.SaveAs(content);
        return new FilePayload { Name = "名册.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = content.ToArray() };
    }

    /// <summary>An inmate's line of the register: area 3, the given level word, no status.</summary>
    public static string[] Line(string number, string name, string level = "普管") => [number, name, "3", level, "否", "", "", "", "", ""];

    /// <summary>One line's row in the register preview, by its line number in the file.</summary>
    public static ILocator PreviewRow(this ConsoleSession session, int line) =>
        session.Page.Locator(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"table.register-preview tr[data-line='{line}']"));

    /// <summary>An application's row among the visits a change of circumstances cancelled.</summary>
    public static ILocator AffectedRow(this ConsoleSession session, string applicationId) =>
        session.Page.Locator("table.affected tbody tr").Filter(new() { HasText = applicationId });

    /// <summary>The prison approves the bureau-approved application and confirms scheduling's proposal (its machine client): the family's visit is booked.</summary>
    public static async Task<VisitView> BookedAsync(ConsoleSystem system, string applicationId)
    {
        ArgumentNullException.ThrowIfNull(system);
        var prison = new PrisonApprovalService.PrisonApprovalServiceClient(await system.Machines.AsAsync(system, "PrisonApproval", "prison-approval", "officer", Orgs.Prison));
        var decision = await prison.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = applicationId });
        Assert.True(decision.Approved, $"the prison did not approve {applicationId}: {decision.ReasonCode}");
        var scheduling = new SchedulingService.SchedulingServiceClient(await system.Machines.AsAsync(system, "Scheduling", "scheduling", "officer", Orgs.Prison));
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var proposals = await scheduling.ListProposalsAsync(new ListProposalsRequest { Page = new PageRequest { PageSize = 200 } });
            if (proposals.Visits.FirstOrDefault(v => v.ApplicationId == applicationId) is { } visit)
            {
                return await scheduling.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = visit.VisitId });
            }

            Assert.True(waited.Elapsed < Patience, $"no proposal for {applicationId} within {Patience.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }
    }
}
