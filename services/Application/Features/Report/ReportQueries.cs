using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Visitation.Application.Data;
using Visitation.Rules.Reviewing;

namespace Visitation.Application.Features.Report;

/// <summary>
/// The report's figures, each aggregated by PostgreSQL in one statement (counts, and the medians and
/// 90th percentiles by <c>percentile_cont</c>): no application row is loaded. Every statement keeps to
/// the caller's reach (the filing office or the inmate's prison within it) and to the period.
/// </summary>
public sealed class ReportQueries(ApplicationDbContext db)
{
    // The organisation a row is counted under, by the request's grouping.
    private const string Organisation = "CASE @grouping WHEN 'office' THEN a.office_id WHEN 'county' THEN a.county_id ELSE a.prison_id END";

    // The month an application was filed in, China time (UTC+8 all year).
    private const string FiledMonth = "to_char(a.submitted_at AT TIME ZONE INTERVAL '+08:00', 'YYYY-MM')";

    private const string InReach = "(a.office_id = ANY(@organisations) OR a.prison_id = ANY(@organisations))";

    private const string Filed = $"FROM applications a WHERE {InReach} AND a.submitted_at >= @start AND a.submitted_at < @end";

    public Task<List<StatusRow>> StatusesAsync(ReportPeriod period, IReadOnlyList<string> reach, CancellationToken ct) =>
        db.Database.SqlQueryRaw<StatusRow>(
            $"SELECT {Organisation} AS organisation_id, {FiledMonth} AS month, a.status AS status, count(*)::int AS count {Filed} GROUP BY 1, 2, 3",
            Parameters(period, reach)).ToListAsync(ct);

    /// <summary>
    /// Per application, when each stage began and decided (the first such step of its timeline), then
    /// per stage the decided count, median and 90th percentile of the hours, and the expiries. The
    /// bureau's stage begins at filing, the prison's at the bureau's approval, scheduling's at the
    /// prison's approval; scheduling decides when a time is confirmed or none is found. Percentiles do
    /// not add up, so the totals are computed here too (grouping sets): an empty organisation is every
    /// organisation in reach, an empty month the whole period.
    /// </summary>
    public Task<List<StageTimeRow>> StageTimesAsync(ReportPeriod period, IReadOnlyList<string> reach, CancellationToken ct) =>
        db.Database.SqlQueryRaw<StageTimeRow>(
            $"""
            WITH steps AS (
              SELECT {Organisation} AS organisation_id, {FiledMonth} AS month, a.submitted_at,
                min(t.at) FILTER (WHERE t.event IN ('bureau-approved', 'bureau-rejected')) AS bureau_done,
                min(t.at) FILTER (WHERE t.event = 'bureau-approved') AS bureau_approved,
                min(t.at) FILTER (WHERE t.event IN ('prison-approved', 'prison-rejected')) AS prison_done,
                min(t.at) FILTER (WHERE t.event = 'prison-approved') AS prison_approved,
                min(t.at) FILTER (WHERE t.event IN ('visit-scheduled', 'visit-unavailable')) AS scheduling_done,
                coalesce(bool_or(t.event = 'bureau-rejected' AND t.reason_code IN (@deadline, @month_passed)), false) AS bureau_expired,
                coalesce(bool_or(t.event = 'prison-rejected' AND t.reason_code IN (@deadline, @month_passed)), false) AS prison_expired
              FROM applications a LEFT JOIN timeline t ON t.application_id = a.id
              WHERE {InReach} AND a.submitted_at >= @start AND a.submitted_at < @end
              GROUP BY a.id
            ), spans AS (
              SELECT organisation_id, month, 'bureau-review' AS stage, bureau_done - submitted_at AS took, bureau_expired AS expired FROM steps
              UNION ALL
              SELECT organisation_id, month, 'prison-approval', prison_done - bureau_approved, prison_expired FROM steps WHERE bureau_approved IS NOT NULL
              UNION ALL
              SELECT organisation_id, month, 'scheduling', scheduling_done - prison_approved, false FROM steps WHERE prison_approved IS NOT NULL
            )
            SELECT coalesce(organisation_id, '') AS organisation_id, coalesce(month, '') AS month, stage, count(took)::int AS decided,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM took) / 3600.0) AS median_hours,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM took) / 3600.0) AS ninetieth_percentile_hours,
              count(*) FILTER (WHERE expired)::int AS overdue
            FROM spans GROUP BY GROUPING SETS ((organisation_id, month, stage), (organisation_id, stage), (month, stage), (stage))
            """,
            [.. Parameters(period, reach),
                new NpgsqlParameter("deadline", ReviewReasonCodes.DeadlinePassed),
                new NpgsqlParameter("month_passed", ReviewReasonCodes.MonthPassed)]).ToListAsync(ct);

    /// <summary>The coded reasons of the bureau's and the prison's refusals (each application once per stage and code).</summary>
    public Task<List<RefusalRow>> RefusalsAsync(ReportPeriod period, IReadOnlyList<string> reach, CancellationToken ct) =>
        db.Database.SqlQueryRaw<RefusalRow>(
            $"""
            SELECT {Organisation} AS organisation_id, {FiledMonth} AS month, t.stage AS stage, t.reason_code AS reason_code,
              count(DISTINCT a.id)::int AS count
            FROM applications a JOIN timeline t ON t.application_id = a.id
            WHERE {InReach} AND a.submitted_at >= @start AND a.submitted_at < @end
              AND t.event IN ('bureau-rejected', 'prison-rejected') AND t.reason_code IS NOT NULL AND t.reason_code <> ''
            GROUP BY 1, 2, 3, 4
            """,
            Parameters(period, reach)).ToListAsync(ct);

    /// <summary>The visits' outcomes by visit month: an application's final status says how its visit ended.</summary>
    public Task<List<VisitRow>> VisitsAsync(ReportPeriod period, IReadOnlyList<string> reach, CancellationToken ct) =>
        db.Database.SqlQueryRaw<VisitRow>(
            $"""
            SELECT {Organisation} AS organisation_id, a.visit_month AS month,
              count(*) FILTER (WHERE a.status = '{nameof(ApplicationStatus.Visited)}')::int AS held,
              count(*) FILTER (WHERE a.status = '{nameof(ApplicationStatus.NoShow)}')::int AS no_show,
              count(*) FILTER (WHERE a.status = '{nameof(ApplicationStatus.VisitTerminated)}')::int AS terminated,
              count(*) FILTER (WHERE a.status = '{nameof(ApplicationStatus.VisitCancelled)}')::int AS cancelled
            FROM applications a
            WHERE {InReach} AND a.visit_month >= @from_month AND a.visit_month <= @to_month
              AND a.status IN ('{nameof(ApplicationStatus.Visited)}', '{nameof(ApplicationStatus.NoShow)}',
                               '{nameof(ApplicationStatus.VisitTerminated)}', '{nameof(ApplicationStatus.VisitCancelled)}')
            GROUP BY 1, 2
            """,
            [.. Parameters(period, reach),
                new NpgsqlParameter("from_month", period.From.Key),
                new NpgsqlParameter("to_month", period.To.Key)]).ToListAsync(ct);

    // New parameters for each statement: a parameter belongs to one command.
    private static NpgsqlParameter[] Parameters(ReportPeriod period, IReadOnlyList<string> reach) =>
    [
        new("grouping", period.GroupingKey),
        new("organisations", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = reach.ToArray() },
        new("start", NpgsqlDbType.TimestampTz) { Value = period.Start },
        new("end", NpgsqlDbType.TimestampTz) { Value = period.End },
    ];
}
