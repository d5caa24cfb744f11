using System.Globalization;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Rules.Sms;

namespace Visitation.IntegrationTests.Chain;

/// <summary>One application at a time through 司法所 → 县司法局 → 监狱会见中心 → scheduling → SMS.</summary>
public sealed class ApprovalChainTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task ApprovedApplicationIsScheduledAndTheFamilyGetsEachSms()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "张建国" + family.Phone[^4..];
        var (id, proposal) = await _chain.DriveToProposalAsync(family, inmate);

        var confirmed = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });

        Assert.Equal(VisitStatus.Scheduled, confirmed.Status);
        var visitDate = DateOnly.ParseExact(confirmed.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains(visitDate.Day, new[] { 3, 13, 23 }); // area 3's video days [Y 二]
        Assert.Equal(30, confirmed.Minutes);
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
        var application = await _chain.WaitForTimelineAsync(id,
            TimelineEvent.Submitted, TimelineEvent.BureauApproved, TimelineEvent.PrisonApproved, TimelineEvent.VisitProposed, TimelineEvent.VisitScheduled);
        Assert.Equal(ApplicationStatus.Scheduled, application.Status);
        Assert.Equal("reviewer-zhao", application.Timeline.Single(t => t.Event == TimelineEvent.BureauApproved).Actor);
        Assert.Equal("officer-sun", application.Timeline.Single(t => t.Event == TimelineEvent.VisitScheduled).Actor);
        Assert.Equal(confirmed.Date, application.Visit.Date);

        var sms = await system.SmsTo(family.Phone);
        Assert.Equal(2, sms.Count);
        Assert.Contains("申请已受理", sms[0].Text, StringComparison.Ordinal);
        Assert.All(sms, text => Assert.DoesNotContain(inmate, text.Text, StringComparison.Ordinal)); // the name the clerk typed
        var expectedWhen = $"{visitDate.Year}年{visitDate.Month}月{visitDate.Day}日 {confirmed.StartTime}";
        Assert.Contains(expectedWhen, sms[1].Text, StringComparison.Ordinal);
        Assert.Contains("永济市司法局远程视频会见室（山西省运城市永济市司法局一楼）", sms[1].Text, StringComparison.Ordinal);
        Assert.Contains("居民身份证", sms[1].Text, StringComparison.Ordinal);

        var agenda = await _chain.CountyAgenda.GetVenueAgendaAsync(new GetVenueAgendaRequest { DateFrom = confirmed.Date, DateTo = confirmed.Date });
        Assert.Contains(agenda.Visits, v => v.VisitId == confirmed.VisitId && v.StartTime == confirmed.StartTime);
    }

    [Fact]
    public async Task BureauRejectionIsRecordedAndSentWithItsReason()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var id = await _chain.SubmitAsync(family.Application("李红梅"));
        await _chain.WaitForBureauTaskAsync(id);

        var decision = await _chain.Reviewer.RejectApplicationAsync(new RejectReviewRequest
        {
            ApplicationId = id,
            ReasonCode = "RELATIONSHIP_UNPROVEN",
            Reason = "亲属关系证明与户口簿不一致",
        });

        Assert.False(decision.Approved);
        var application = await _chain.WaitForOutcomeAsync(id, ApplicationStatus.BureauRejected, smsCount: 2);
        var rejected = application.Timeline.Single(t => t.Event == TimelineEvent.BureauRejected);
        Assert.Equal("RELATIONSHIP_UNPROVEN", rejected.ReasonCode);
        Assert.Equal("reviewer-zhao", rejected.Actor);
        Assert.Contains("亲属关系证明与户口簿不一致", rejected.Detail, StringComparison.Ordinal);
        var sms = await system.SmsTo(family.Phone);
        Assert.Equal(2, sms.Count);
        // The reviewer's own words stay in the timeline; the family reads the neutral sentence for the code.
        Assert.Contains("经永济市司法局审核未予通过。原因：" + SmsReasons.ApplicationDetails, sms[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("户口簿不一致", sms[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await _chain.Officer.AllPendingApprovalsAsync(), t => t.ApplicationId == id);
    }

    [Fact]
    public async Task InmateUnknownToTheRegisterIsAPrisonRejectionWithAReason()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var id = await _chain.SubmitAsync(family.Application("查无此人" + family.Phone[^4..]));
        await _chain.WaitForBureauTaskAsync(id);
        await _chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id });
        await _chain.WaitForPrisonTaskAsync(id);

        var decision = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });

        Assert.False(decision.Approved);
        Assert.Equal("INMATE_NOT_FOUND", decision.ReasonCode);
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.PrisonRejected, smsCount: 2);
        await _chain.WaitForTimelineAsync(id, TimelineEvent.Submitted, TimelineEvent.BureauApproved, TimelineEvent.PrisonRejected);
        var sms = await system.SmsTo(family.Phone);
        Assert.Equal(2, sms.Count);
        Assert.Contains("未获批准。原因：" + SmsReasons.ApplicationDetails, sms[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("监狱", sms[1].Text, StringComparison.Ordinal);
    }
}
