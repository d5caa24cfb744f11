using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Audit;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Messaging.Audit;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// The managers' report (GetApplicationReport) over the applications of one filing month no other test
/// uses (<see cref="TestDates.ReportApplicationDay"/>): counts per status, each stage's median and 90th
/// percentile, refusal reasons; each manager sees their own organisation's only; an export is audited.
/// </summary>
public sealed class ApplicationReportTests(VisitationSystem system)
{
    private const string Month = "2026-09";
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task TheCountysReportCountsEachStatusTimesEachStageAndNamesTheRefusalReasonsWithinTheReviewersReachOnly()
    {
        var day = TestDates.ReportApplicationDay;
        system.Clock.StartAt(day);
        var approved = new Family(system.Clock);
        await _chain.ImportInmateAsync(approved.InmateNumber, "报表甲", "3");
        var a = await _chain.SubmitAsync(approved.Application("报表甲"));
        var b = await _chain.SubmitAsync(new Family(system.Clock).Application("报表乙"));
        var c = await _chain.SubmitAsync(new Family(system.Clock).Application("报表丙"));
        var pending = await _chain.SubmitAsync(new Family(system.Clock).Application("报表丁"));
        foreach (var id in new[] { a, b, c, pending })
        {
            await _chain.WaitForBureauTaskAsync(id);
        }

        // The bureau decides A and C after two hours, B after four; the prison decides A and C four hours after the bureau.
        system.Clock.StartAt(day.AddHours(2));
        await _chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = a });
        await _chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = c });
        system.Clock.StartAt(day.AddHours(4));
        await _chain.Reviewer.RejectApplicationAsync(new RejectReviewRequest { ApplicationId = b, ReasonCode = "DOCUMENTS_INCOMPLETE", Reason = "缺少户口簿" });
        await _chain.WaitForPrisonTaskAsync(a);
        await _chain.WaitForPrisonTaskAsync(c);
        system.Clock.StartAt(day.AddHours(6));
        Assert.True((await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = a })).Approved);
        await _chain.Officer.RejectApplicationAsync(new PrisonRejectRequest { ApplicationId = c, ReasonCode = "OTHER", Reason = "监狱安排调整" });
        await _chain.WaitForTimelineAsync(c, TimelineEvent.Submitted, TimelineEvent.BureauApproved, TimelineEvent.PrisonRejected);
        await _chain.WaitForTimelineAsync(b, TimelineEvent.Submitted, TimelineEvent.BureauRejected);

        var reviewer = system.Applications(VisitationSystem.Token(Roles.Reviewer, Orgs.County));
        var report = await Eventually.Until(() => reviewer.GetApplicationReportAsync(Request(ReportGrouping.Office)).ResponseAsync,
            r => Count(r, ApplicationStatus.VisitProposed) == 1, "application A's proposal in the report");

        Assert.Equal(
            [(ApplicationStatus.Submitted, 1), (ApplicationStatus.VisitProposed, 1), (ApplicationStatus.BureauRejected, 1), (ApplicationStatus.PrisonRejected, 1)],
            report.Statuses.Where(s => s.OrganisationId == Orgs.Office && s.Month == Month).OrderBy(s => s.Status).Select(s => (s.Status, s.Count)));
        var bureau = Stage(report, TimelineStage.BureauReview, Orgs.Office, Month);
        Assert.Equal((3, 2.0, 3.6, 0), (bureau.Decided, Hours(bureau.MedianHours), Hours(bureau.P90Hours), bureau.Overdue));
        var prison = Stage(report, TimelineStage.PrisonApproval, Orgs.Office, Month);
        Assert.Equal((2, 4.0, 4.0), (prison.Decided, Hours(prison.MedianHours), Hours(prison.P90Hours)));
        Assert.Equal(0, Stage(report, TimelineStage.Scheduling, Orgs.Office, Month).Decided);
        var total = Stage(report, TimelineStage.BureauReview, string.Empty, string.Empty);
        Assert.Equal((3, 2.0, 3.6), (total.Decided, Hours(total.MedianHours), Hours(total.P90Hours)));
        Assert.Equal(
            [(TimelineStage.BureauReview, "DOCUMENTS_INCOMPLETE", 1), (TimelineStage.PrisonApproval, "OTHER", 1)],
            report.Refusals.Where(r => r.Month == Month).OrderBy(r => r.Stage).Select(r => (r.Stage, r.ReasonCode, r.Count)));

        var prisonByCounty = await system.Applications(VisitationSystem.Token(Roles.Officer, Orgs.Prison)).GetApplicationReportAsync(Request(ReportGrouping.County));
        Assert.Equal(4, prisonByCounty.Statuses.Where(s => s.OrganisationId == Orgs.County).Sum(s => s.Count));
        var otherCounty = await system.Applications(VisitationSystem.Token(Roles.Reviewer, Orgs.OtherCounty)).GetApplicationReportAsync(Request(ReportGrouping.Office));
        Assert.DoesNotContain(otherCounty.Statuses, s => s.OrganisationId == Orgs.Office);
        Assert.DoesNotContain(otherCounty.StageTimes, s => s.OrganisationId == Orgs.Office);
        var otherPrison = await system.Applications(VisitationSystem.Token(Roles.Officer, Orgs.OtherPrison)).GetApplicationReportAsync(Request(ReportGrouping.Office));
        Assert.Empty(otherPrison.Statuses);
        Assert.Empty(otherPrison.Refusals);
    }

    [Fact]
    public async Task AnExportIsAuditedAsAReadWithItsMonthsGroupingAndFormatWhileLookingIsNot()
    {
        system.Clock.StartAt(TestDates.ReportApplicationDay);
        var manager = AuditedActor.Fresh(Roles.Reviewer, Orgs.County);
        var reports = system.Applications(manager.Token());

        await reports.GetApplicationReportAsync(Request(ReportGrouping.Office));
        Assert.DoesNotContain(await AuditRows.AllAsync(system.Databases["application"]), row => row.ActorUserId == manager.User);
        await reports.GetApplicationReportAsync(new ApplicationReportRequest { FromMonth = "2026-07", ToMonth = Month, GroupBy = ReportGrouping.County, Export = ReportExport.Xlsx });

        var row = await AuditRows.SingleByAsync(system, "application", "ReportExported", "months:2026-07..2026-09;by:county;format:xlsx", manager, AuditChain.Reads);
        Assert.Equal(("application_report", Orgs.County, "reporting"), (row.RecordType, row.OwnerOrganisation, row.Purpose));
        Assert.StartsWith("rows:", row.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadMonthsAMissingGroupingAndTooLongAPeriodAreNamedFields()
    {
        var reviewer = system.Applications(VisitationSystem.Token(Roles.Reviewer, Orgs.County));

        var bad = await Assert.ThrowsAsync<RpcException>(async () =>
            await reviewer.GetApplicationReportAsync(new ApplicationReportRequest { FromMonth = "2026-13", ToMonth = "" }));
        var tooLong = await Assert.ThrowsAsync<RpcException>(async () =>
            await reviewer.GetApplicationReportAsync(new ApplicationReportRequest { FromMonth = "2024-01", ToMonth = "2026-01", GroupBy = ReportGrouping.Prison }));
        var backwards = await Assert.ThrowsAsync<RpcException>(async () =>
            await reviewer.GetApplicationReportAsync(new ApplicationReportRequest { FromMonth = "2026-03", ToMonth = "2026-01", GroupBy = ReportGrouping.Prison }));

        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["from_month", "to_month", "group_by"], Fields(bad));
        Assert.Equal(["to_month"], Fields(tooLong));
        Assert.Equal(["to_month"], Fields(backwards));
    }

    private static ApplicationReportRequest Request(ReportGrouping grouping) => new() { FromMonth = Month, ToMonth = Month, GroupBy = grouping };

    private static int Count(ApplicationReportReply report, ApplicationStatus status) =>
        report.Statuses.Where(s => s.OrganisationId == Orgs.Office && s.Month == Month && s.Status == status).Sum(s => s.Count);

    private static ReportStageTime Stage(ApplicationReportReply report, TimelineStage stage, string organisation, string month) =>
        Assert.Single(report.StageTimes, s => s.Stage == stage && s.OrganisationId == organisation && s.Month == month);

    // The clock runs at real speed between a test's steps: a few seconds on top of the hours it set.
    private static double Hours(double hours) => Math.Round(hours, 1);

    private static List<string> Fields(RpcException error) =>
        [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field)];
}
