using System.Globalization;
using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>The managers' report page (统计报表): its tables read as a person reads them, its exports downloaded.</summary>
public static class ReportsPages
{
    public const string Heading = "统计报表";

    /// <summary>
    /// A figure of a detail table by its title, the organisation's name, the month, the category (tables that
    /// have one: a stage, a reason) and the column's header; 0 when the table has no such row (nothing counted yet).
    /// </summary>
    public static async Task<int> FigureAsync(this ConsoleSession session, string table, string organisation, string month, string column, string? category = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var section = session.Page.Locator("section.report-table").Filter(new() { Has = session.Page.GetByRole(AriaRole.Heading, new() { Name = table, Exact = true }) });
        var headers = await section.Locator("thead th").AllInnerTextsAsync();
        var index = headers.ToList().IndexOf(column);
        foreach (var row in await section.Locator("tbody tr").AllAsync())
        {
            var cells = await row.Locator("th, td").AllInnerTextsAsync();
            if (cells[0] == organisation && cells[1] == month && (category is null || cells[2] == category))
            {
                return index < 0 ? 0 : int.Parse(cells[index], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>The report opened again until <paramref name="done"/> holds: the figures follow the chain's events a moment after each decision.</summary>
    public static Task ReportUntilAsync(this ConsoleSession session, string query, Func<ConsoleSession, Task<bool>> done, string what) =>
        Waits.UntilAsync(async () =>
        {
            await session.OpenAsync("/Reports" + query, Heading);
            return await done(session);
        }, what);

    /// <summary>Clicks an export button and answers the downloaded file's name and bytes.</summary>
    public static async Task<(string Name, byte[] Bytes)> ExportAsync(this ConsoleSession session, string button)
    {
        ArgumentNullException.ThrowIfNull(session);
        var download = await session.Page.RunAndWaitForDownloadAsync(() =>
            session.Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }
}
