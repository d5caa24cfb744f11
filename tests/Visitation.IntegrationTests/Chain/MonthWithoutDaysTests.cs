using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Rules.Sms;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// A month with no bookable day left is refused when it is asked for, naming the next month with days — not
/// accepted at the counter, passed by two reviews and only then ended in "no slot" (issue 14, "refused too late").
/// </summary>
public sealed class MonthWithoutDaysTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    private PrisonApprovalService.PrisonApprovalServiceClient ClerkAsking { get; } =
        system.PrisonApproval(VisitationSystem.Token(Roles.Clerk, Orgs.Office, "clerk-li"));

    [Fact]
    public async Task TheCounterRefusesAMonthWhoseDaysTheNoticeHasPassedAndNamesTheNextOneWhetherAskingOrSubmitting()
    {
        // 25 March with ten days' notice [Y 二]: the earliest day is 4 April, so no area has a March day left.
        system.Clock.StartAt(TestDates.At(2026, 3, 25, 9, 0));
        var family = new Family(system.Clock);
        var request = family.Application("月末申请" + family.Phone[^4..]);
        request.VisitMonth = "2026-03";

        var submitted = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Clerk.SubmitApplicationAsync(request));
        var asked = await Assert.ThrowsAsync<RpcException>(async () => await ClerkAsking.CheckEligibilityAsync(CounterQuestions.For(request, family.InmateNumber)));

        foreach (var error in new[] { submitted, asked })
        {
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
            Assert.Equal("visit_month", violation.Field);
            Assert.Contains("2026年3月已无可安排的视频会见日", violation.Description, StringComparison.Ordinal);
            Assert.Contains("最近可申请2026年4月", violation.Description, StringComparison.Ordinal);
        }

        var list = await _chain.Clerk.ListApplicationsAsync(new ListApplicationsRequest { Query = request.Inmate.Name });
        Assert.Empty(list.Applications);
    }

    [Fact]
    public async Task ThePrisonRefusesAMonthItsInmatesAreaHasNoDayLeftInAndTheFamilyHearsOnlyThatTheTimingDidNotWork()
    {
        // Asked 12 March: the earliest day is 22 March. Other areas still meet after it, so the counter accepts;
        // area 1 meets on the 1st, 11th and 21st, so this inmate's March is over.
        system.Clock.StartAt(TestDates.At(2026, 3, 12, 9, 0));
        var family = new Family(system.Clock);
        var inmate = "一监区" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "1");
        var request = family.Application(inmate, area: "1");
        request.VisitMonth = "2026-03";

        var id = await _chain.DriveToPrisonTaskAsync(request);
        var decision = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });

        Assert.False(decision.Approved);
        Assert.Equal("NO_VISIT_DAY_LEFT", decision.ReasonCode);
        var failure = Assert.Single(decision.Failures);
        Assert.Equal("[Y 二]", failure.Source);
        Assert.Contains("最近可申请2026年4月", failure.Message, StringComparison.Ordinal);
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.PrisonRejected, smsCount: 2);
        var sms = await system.SmsTo(family.Phone);
        Assert.Contains("原因：" + SmsReasons.Timing, sms[1].Text, StringComparison.Ordinal);
    }
}
