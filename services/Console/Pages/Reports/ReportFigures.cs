using Visitation.Console.Vocabulary;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Reports;

/// <summary>
/// The service's figures made into what people read: the charts (totals over the organisations and
/// months chosen) and the tables per organisation and month, with names instead of ids and codes.
/// Sums of counts are made here; percentiles come summed by the service, which alone can compute them.
/// </summary>
public sealed class ReportFigures
{
    private const string AllMonths = "全部月份";

    public required IReadOnlyList<BarChart> Charts { get; init; }

    public required IReadOnlyList<ReportTable> Tables { get; init; }

    public static ReportFigures From(ApplicationReportReply reply, ReferenceDataSet reference)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(reference);
        string Name(string id) => reference.NameOf(id);
        var statuses = Names.Statuses.Where(s => reply.Statuses.Any(r => r.Status == s.Value)).ToList();
        var totals = reply.StageTimes.Where(t => t.OrganisationId.Length == 0 && t.Month.Length == 0).ToList();
        return new ReportFigures
        {
            Charts =
            [
                new("filed", "各月受理的申请", "件数",
                    [.. reply.Statuses.GroupBy(r => r.Month).OrderBy(g => g.Key, StringComparer.Ordinal)
                        .Select(g => Bar(g.Key, g.Sum(r => r.Count)))]),
                new("statuses", "申请所处环节与办理结果", "件数",
                    [.. statuses.Select(s => Bar(s.Name, reply.Statuses.Where(r => r.Status == s.Value).Sum(r => r.Count)))]),
                new("stage-times", "各环节办理用时（小时）", "小时",
                    [.. ReportWords.Stages.SelectMany(stage => totals.Where(t => t.Stage == stage.Value).SelectMany(t => new[]
                    {
                        new ChartBar($"{stage.Name} 中位数", t.MedianHours, BarChart.Number(Math.Round(t.MedianHours, 1)), 0),
                        new ChartBar($"{stage.Name} 90%分位", t.P90Hours, BarChart.Number(Math.Round(t.P90Hours, 1)), 1),
                    }))]),
                new("overdue", "逾期失效的申请", "件数",
                    [.. ReportWords.Stages.Take(2).Select(stage => Bar(stage.Name, totals.Where(t => t.Stage == stage.Value).Sum(t => t.Overdue)))]),
                new("refusals", "不予通过的原因", "件数",
                    [.. reply.Refusals.GroupBy(r => r.ReasonCode).OrderByDescending(g => g.Sum(r => r.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
                        .Select(g => Bar(ReportWords.Reason(g.Key), g.Sum(r => r.Count)))]),
                new("visits", "会见情况", "次数",
                [
                    Bar("已会见", reply.Visits.Sum(v => v.Held)), Bar("家属未到", reply.Visits.Sum(v => v.NoShow)),
                    Bar("会见被中止", reply.Visits.Sum(v => v.Terminated)), Bar("会见已取消", reply.Visits.Sum(v => v.Cancelled)),
                ]),
            ],
            Tables =
            [
                new("申请办理情况", null, [new("合计"), .. statuses.Select(s => new ReportColumn(s.Name))],
                    [.. reply.Statuses.GroupBy(r => (r.OrganisationId, r.Month))
                        .Select(g => Row(Name(g.Key.OrganisationId), g.Key.OrganisationId, g.Key.Month, null,
                            [g.Sum(r => r.Count), .. statuses.Select(s => (double)g.Where(r => r.Status == s.Value).Sum(r => r.Count))]))
                        .OrderBy(r => r.Organisation, StringComparer.Ordinal).ThenBy(r => r.Month, StringComparer.Ordinal)]),
                new("各环节办理用时", "环节", [new("已办结"), new("中位数（小时）", Hours: true), new("90%分位（小时）", Hours: true), new("逾期失效")],
                    [.. reply.StageTimes.Where(t => t.OrganisationId.Length > 0)
                        .Select(t => Row(Name(t.OrganisationId), t.OrganisationId, t.Month.Length == 0 ? AllMonths : t.Month, ReportWords.Of(t.Stage),
                            [t.Decided, t.MedianHours, t.P90Hours, t.Overdue]))
                        .OrderBy(r => r.Organisation, StringComparer.Ordinal).ThenBy(r => r.Month == AllMonths).ThenBy(r => r.Month, StringComparer.Ordinal)
                        .ThenBy(r => ReportWords.Stages.ToList().FindIndex(s => s.Name == r.Category))]),
                new("不予通过的原因", "环节与原因", [new("件数")],
                    [.. reply.Refusals.Select(r => Row(Name(r.OrganisationId), r.OrganisationId, r.Month,
                            $"{ReportWords.Of(r.Stage)}：{ReportWords.Reason(r.ReasonCode)}（{r.ReasonCode}）", [r.Count]))
                        .OrderBy(r => r.Organisation, StringComparer.Ordinal).ThenBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.Category, StringComparer.Ordinal)]),
                new("会见情况（按会见月份）", null, [new("已会见"), new("家属未到"), new("会见被中止"), new("会见已取消")],
                    [.. reply.Visits.Select(v => Row(Name(v.OrganisationId), v.OrganisationId, v.Month, null, [v.Held, v.NoShow, v.Terminated, v.Cancelled]))
                        .OrderBy(r => r.Organisation, StringComparer.Ordinal).ThenBy(r => r.Month, StringComparer.Ordinal)]),
            ],
        };
    }

    private static ChartBar Bar(string label, int count) => new(label, count, BarChart.Number(count));

    private static ReportRow Row(string organisation, string id, string month, string? category, IReadOnlyList<double> values) =>
        new(organisation, id, month, category, values);
}
