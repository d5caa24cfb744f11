using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Application.Features.Report;

/// <summary>
/// The months and grouping a report asks for, checked: whole months in China time, at most
/// <see cref="LongestMonths"/> of them, a known grouping and export format.
/// </summary>
public sealed record ReportPeriod(VisitMonth From, VisitMonth To, ReportGrouping Grouping, ReportExport Export)
{
    /// <summary>Two years: enough to compare a month with the year before, small enough to answer in one query.</summary>
    public const int LongestMonths = 24;

    /// <summary>The first instant of <see cref="From"/> in China time (inclusive).</summary>
    public DateTimeOffset Start => new DateTimeOffset(From.FirstDay.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();

    /// <summary>The first instant after <see cref="To"/> in China time (exclusive).</summary>
    public DateTimeOffset End => new DateTimeOffset(To.FirstDay.AddMonths(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();

    /// <summary>The column the figures are grouped by, as the report's SQL names it.</summary>
    public string GroupingKey => Grouping switch
    {
        ReportGrouping.Office => "office",
        ReportGrouping.County => "county",
        _ => "prison",
    };

    /// <summary>What the audit records of an exported report: its months, grouping and format (codes only).</summary>
    public string Description => $"months:{From.Key}..{To.Key};by:{GroupingKey};format:{(Export == ReportExport.Xlsx ? "xlsx" : "csv")}";

    /// <summary>The request's period, or every bad field at once as <c>INVALID_ARGUMENT</c>.</summary>
    public static ReportPeriod Of(ApplicationReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new FieldViolations();
        var from = Month(request.FromMonth, "from_month", violations);
        var to = Month(request.ToMonth, "to_month", violations);
        if (from is not null && to is not null)
        {
            var months = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
            if (months < 1)
            {
                violations.Add("to_month", "截止月份不能早于起始月份");
            }
            else if (months > LongestMonths)
            {
                violations.Add("to_month", $"一次最多统计{LongestMonths}个月");
            }
        }

        if (request.GroupBy is not (ReportGrouping.Office or ReportGrouping.County or ReportGrouping.Prison))
        {
            violations.Add("group_by", "请选择按司法所、县司法局或监狱统计");
        }

        if (!Enum.IsDefined(request.Export))
        {
            violations.Add("export", "未知的导出格式");
        }

        violations.ThrowIfAny();
        return new ReportPeriod(from!, to!, request.GroupBy, request.Export);
    }

    private static VisitMonth? Month(string value, string field, FieldViolations violations)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Required(field, value);
            return null;
        }

        if (value.Length != 7 || !VisitMonth.TryParse(value, out var month))
        {
            violations.Add(field, "月份的格式应为年-月，如2026-02");
            return null;
        }

        return month;
    }
}
