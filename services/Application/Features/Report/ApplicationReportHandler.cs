using Visitation.Application.Features.Views;
using Visitation.Contracts.Grpc.Application;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;

namespace Visitation.Application.Features.Report;

/// <summary>
/// The managers' report (<see cref="ReportQueries"/>): counts within the caller's reach, grouped by
/// office, county or prison and month. An export is audited as a read (<c>ReportExported</c>, purpose
/// <c>reporting</c>, its months, grouping and format as the record) before the figures are returned.
/// </summary>
public sealed class ApplicationReportHandler(ReportQueries queries, Data.ApplicationDbContext db)
{
    public async Task<ApplicationReportReply> HandleAsync(ApplicationReportRequest request, Caller caller, CancellationToken ct)
    {
        var period = ReportPeriod.Of(request);
        var reach = caller.Organisations;
        var statuses = await queries.StatusesAsync(period, reach, ct);
        var stageTimes = await queries.StageTimesAsync(period, reach, ct);
        var refusals = await queries.RefusalsAsync(period, reach, ct);
        var visits = await queries.VisitsAsync(period, reach, ct);
        if (period.Export != ReportExport.Unspecified)
        {
            await db.AuditReadAsync(caller, AuditEvent.ReportExported, new AuditedRecord("application_report", period.Description, caller.OrganisationId),
                AuditPurposes.Reporting, ct, outcome: $"rows:{statuses.Count + stageTimes.Count + refusals.Count + visits.Count}");
        }

        var reply = new ApplicationReportReply();
        reply.Statuses.AddRange(statuses.Select(row => new ReportStatusCount
        {
            OrganisationId = row.OrganisationId,
            Month = row.Month,
            Status = ApplicationStatuses.ToWire(Enum.Parse<Data.ApplicationStatus>(row.Status)),
            Count = row.Count,
        }));
        reply.StageTimes.AddRange(stageTimes.Select(row => new ReportStageTime
        {
            OrganisationId = row.OrganisationId,
            Month = row.Month,
            Stage = TimelineCodes.Stage(row.Stage),
            Decided = row.Decided,
            MedianHours = row.MedianHours ?? 0,
            P90Hours = row.NinetiethPercentileHours ?? 0,
            Overdue = row.Overdue,
        }));
        reply.Refusals.AddRange(refusals.Select(row => new ReportRefusalReason
        {
            OrganisationId = row.OrganisationId,
            Month = row.Month,
            Stage = TimelineCodes.Stage(row.Stage),
            ReasonCode = row.ReasonCode,
            Count = row.Count,
        }));
        reply.Visits.AddRange(visits.Select(row => new ReportVisitOutcomes
        {
            OrganisationId = row.OrganisationId,
            Month = row.Month,
            Held = row.Held,
            NoShow = row.NoShow,
            Terminated = row.Terminated,
            Cancelled = row.Cancelled,
        }));
        return reply;
    }
}
