using System.Globalization;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.Calendars;

namespace Visitation.Console.Pages.Reports;

/// <summary>
/// What the report's form asks: whole months (the browser's <c>month</c> input, yyyy-MM) and the grouping.
/// The same form drives the page and both exports, so an export holds exactly the figures on the page.
/// </summary>
public sealed class ReportForm
{
    /// <summary>How many months the page shows when nobody chose: the last half year.</summary>
    public const int DefaultMonths = 6;

    public string? FromMonth { get; set; }

    public string? ToMonth { get; set; }

    public ReportGrouping GroupBy { get; set; }

    /// <summary>Fills what was left empty: the last <see cref="DefaultMonths"/> months, and the grouping the role reads most (a county by office, a prison by county).</summary>
    public ReportForm WithDefaults(DateTimeOffset now, bool reviewer)
    {
        var thisMonth = DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime);
        ToMonth = string.IsNullOrWhiteSpace(ToMonth) ? Key(thisMonth) : ToMonth.Trim();
        FromMonth = string.IsNullOrWhiteSpace(FromMonth) ? Key(thisMonth.AddMonths(1 - DefaultMonths)) : FromMonth.Trim();
        if (GroupBy == ReportGrouping.Unspecified)
        {
            GroupBy = reviewer ? ReportGrouping.Office : ReportGrouping.County;
        }

        return this;
    }

    public ApplicationReportRequest ToRequest(ReportExport export) => new()
    {
        FromMonth = FromMonth ?? string.Empty,
        ToMonth = ToMonth ?? string.Empty,
        GroupBy = GroupBy,
        Export = export,
    };

    /// <summary>The export's file name: its months and grouping, ASCII so every browser keeps it.</summary>
    public string FileName(string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"report-{FromMonth}-{ToMonth}-{GroupBy.ToString().ToLowerInvariant()}.{extension}");

    private static string Key(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
