using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Rules.Sms;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// The Ningxia rules (宁狱通〔2021〕103号, [N§n]) through the real services, at the shipped example prison and
/// juvenile institution (示例), with the example county's office, bureau and venue; and the prison's province
/// deciding when a family of one province visits a prison of the other (issue 14).
/// </summary>
/// <remarks>
/// Applications are made on <see cref="TestDates.ApplicationDay"/> (2 February 2026) for March 2026: the example
/// prison's area 1 visits on the 5th, 15th and 25th, the juvenile institution's on the 6th, 16th and 26th.
/// </remarks>
public sealed class NingxiaRulesTests(VisitationSystem system)
{
    private const string Area = "1";

    private readonly ChainDriver _ningxia = new(system, Orgs.NingxiaOffice, Orgs.NingxiaCounty, Orgs.NingxiaPrison);

    private readonly ChainDriver _juvenile = new(system, Orgs.NingxiaOffice, Orgs.NingxiaCounty, Orgs.NingxiaJuvenilePrison);

    [Fact]
    public async Task AJuvenileInmateHasTwoVisitsOfFortyMinutesAMonthOnTwoDaysAndNoThird()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "少年" + family.Phone[^4..];
        await _juvenile.ImportInmateAsync(family.InmateNumber, inmate, Area, juvenile: true);

        var first = await ApprovedProposalAsync(_juvenile, Application(family, inmate, Orgs.NingxiaJuvenilePrison));
        var second = await ApprovedProposalAsync(_juvenile, Application(family, inmate, Orgs.NingxiaJuvenilePrison));
        var thirdId = await _juvenile.DriveToPrisonTaskAsync(Application(family, inmate, Orgs.NingxiaJuvenilePrison));
        var third = await _juvenile.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = thirdId });

        // [N§5 ¶2]: twice a month, 40 minutes each; one a day (policy choice), so on two of the area's days.
        Assert.Equal((40, 40), (first.Minutes, second.Minutes));
        Assert.NotEqual(first.Date, second.Date);
        Assert.All(new[] { first.Date, second.Date }, date => Assert.Contains(DayOf(date), new[] { 6, 16, 26 }));
        Assert.False(third.Approved);
        var failure = Assert.Single(third.Failures);
        Assert.Equal(("MONTHLY_QUOTA_USED", "[N§5]"), (failure.Code, failure.Source));
        Assert.Contains("可会见2次", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdultInmateHasOneVisitOfThirtyMinutesAMonth()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "成年犯" + family.Phone[^4..];
        await _ningxia.ImportInmateAsync(family.InmateNumber, inmate, Area, ManagementLevel.Lenient);

        var first = await ApprovedProposalAsync(_ningxia, Application(family, inmate, Orgs.NingxiaPrison));
        var secondId = await _ningxia.DriveToPrisonTaskAsync(Application(family, inmate, Orgs.NingxiaPrison));
        var second = await _ningxia.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = secondId });

        // [N§5]: once a month whatever the level (no lenient-level second visit as in Shanxi), 30 minutes.
        Assert.Equal(30, first.Minutes);
        Assert.Contains(DayOf(first.Date), new[] { 5, 15, 25 });
        Assert.Equal(("MONTHLY_QUOTA_USED", "[N§5]"), (second.ReasonCode, Assert.Single(second.Failures).Source));
    }

    [Fact]
    public async Task ChildrenUnderTwelveOnTheVisitDayAreNotCountedAndATwelveYearOldIs()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "幼童不计" + family.Phone[^4..];
        // 11 through March: not counted [N§5].
        var under12 = ThreeAdultsAndAChild(family, inmate, Orgs.NingxiaPrison, born: new DateOnly(2014, 4, 20));
        // 11 on the day of submission (2 February), 12 from 20 February: counted on every March day.
        var turnsTwelveBeforeTheMonth = ThreeAdultsAndAChild(family, inmate, Orgs.NingxiaPrison, born: new DateOnly(2014, 2, 20));
        // 12 from 20 March: counted on the month's later days, and the day is not fixed at the counter.
        var turnsTwelveInTheMonth = ThreeAdultsAndAChild(family, inmate, Orgs.NingxiaPrison, born: new DateOnly(2014, 3, 20));

        var accepted = await _ningxia.SubmitAsync(under12);
        var refusedBefore = await RefusedAtTheCounterAsync(_ningxia, turnsTwelveBeforeTheMonth);
        var refusedInMonth = await RefusedAtTheCounterAsync(_ningxia, turnsTwelveInTheMonth);

        Assert.NotEmpty(accepted);
        Assert.Equal("TOO_MANY_VISITORS", refusedBefore.Reason);
        Assert.Contains("会见日不满12周岁的儿童不计", refusedBefore.Description, StringComparison.Ordinal);
        Assert.Contains("[N§5]", refusedBefore.Description, StringComparison.Ordinal);
        Assert.Equal("TOO_MANY_VISITORS", refusedInMonth.Reason);
    }

    [Fact]
    public async Task ADiehardDangerousInmateIsNotVisitedAndTheFamilyIsNotToldWhy()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "顽危" + family.Phone[^4..];
        await _ningxia.ImportInmateAsync(family.InmateNumber, inmate, Area);
        await _ningxia.Officer.SetInmateStatusAsync(new SetInmateStatusRequest
        {
            InmateNumber = family.InmateNumber,
            Status = new StatusInput { Kind = InmateStatusKind.DiehardDangerous, From = Day(system.Clock.ChinaToday), Reason = "列为顽危犯" },
        });

        var id = await _ningxia.DriveToPrisonTaskAsync(Application(family, inmate, Orgs.NingxiaPrison));
        var decision = await _ningxia.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });

        Assert.False(decision.Approved);
        var failure = Assert.Single(decision.Failures);
        Assert.Equal(("SUSPENDED_DIEHARD_DANGEROUS", "[N§6(四)]"), (failure.Code, failure.Source));
        await _ningxia.WaitForOutcomeAsync(id, ApplicationStatus.PrisonRejected, smsCount: 2);
        var refusal = (await system.SmsTo(family.Phone))[1].Text;
        Assert.Contains("原因：" + SmsReasons.ConditionsNotMet, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("顽危", refusal, StringComparison.Ordinal); // a fact about the inmate: not for a shared phone
    }

    [Fact]
    public async Task AFalseRelationshipCancelsTheBookedVisitAndStopsTheLaterMonths()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "假关系" + family.Phone[^4..];
        await _ningxia.ImportInmateAsync(family.InmateNumber, inmate, Area);
        var request = Application(family, inmate, Orgs.NingxiaPrison);
        var proposal = await ApprovedProposalAsync(_ningxia, request);
        var visit = await _ningxia.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await _ningxia.WaitForOutcomeAsync(proposal.ApplicationId, ApplicationStatus.Scheduled, smsCount: 2);

        // [N§6(一)]: the prison finds the relationship given was false; open-ended, until the prison lifts it.
        await _ningxia.Officer.SetInmateStatusAsync(new SetInmateStatusRequest
        {
            InmateNumber = family.InmateNumber,
            Status = new StatusInput { Kind = InmateStatusKind.FalseInformation, From = Day(system.Clock.ChinaToday), Reason = "提供虚假社会关系" },
        });
        var cancelled = await Eventually.Until(async () => await _ningxia.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId }),
            v => v.Status == VisitStatus.Cancelled, "the booked visit to be cancelled");
        var later = Application(family, inmate, Orgs.NingxiaPrison);
        later.VisitMonth = MonthAfter(request.VisitMonth, 2);
        var laterId = await _ningxia.DriveToPrisonTaskAsync(later);
        var decision = await _ningxia.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = laterId });

        Assert.Equal("SUSPENDED_FALSE_INFORMATION", cancelled.OutcomeReasonCode);
        Assert.False(decision.Approved);
        Assert.Equal(("SUSPENDED_FALSE_INFORMATION", "[N§6(一)]"), (decision.ReasonCode, Assert.Single(decision.Failures).Source));
    }

    [Fact]
    public async Task AnOnSiteVisitUsesUpTheMonthsVideoVisit()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "狱内会见" + family.Phone[^4..];
        await _ningxia.ImportInmateAsync(family.InmateNumber, inmate, Area);
        var today = system.Clock.ChinaToday;
        var month = new DateOnly(today.Year, today.Month, 1);
        var onSiteDay = month.AddDays(((int)DayOfWeek.Sunday - (int)month.DayOfWeek + 7) % 7); // area 1's: the first Sunday (1 February)
        var recorded = await _ningxia.Officer.RecordOnSiteVisitAsync(new RecordOnSiteVisitRequest { RequestId = Guid.NewGuid().ToString(), InmateNumber = family.InmateNumber, Date = Day(onSiteDay) });
        // This month: Ningxia asks no advance notice, and February still has the area's 5th and 25th.
        var request = Application(family, inmate, Orgs.NingxiaPrison);
        request.VisitMonth = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var id = await _ningxia.DriveToPrisonTaskAsync(request);
        var decision = await _ningxia.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });

        // [N§5]: 使用1次远程视频须抵消狱内会见1次 — the two share the one visit of the month.
        Assert.Equal((1, 1), (recorded.QuotaUsed, recorded.QuotaAllowed));
        Assert.False(decision.Approved);
        var failure = Assert.Single(decision.Failures);
        Assert.Equal(("MONTHLY_QUOTA_USED", "[N§5]"), (failure.Code, failure.Source));
        Assert.Contains("已会见1次", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVideoVisitBookedLeavesNoOnSiteVisitInTheMonth()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "视频抵消" + family.Phone[^4..];
        await _ningxia.ImportInmateAsync(family.InmateNumber, inmate, Area);
        var proposal = await ApprovedProposalAsync(_ningxia, Application(family, inmate, Orgs.NingxiaPrison));

        var view = await _ningxia.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber, Month = proposal.Date[..7] });

        Assert.Equal((1, 1), (view.QuotaUsed, view.QuotaAllowed));
        Assert.Single(view.QuotaEntries, e => e.Mode == VisitMode.Video);
    }

    [Fact]
    public async Task AShanxiFamilyVisitingANingxiaPrisonIsJudgedByNingxiasRules()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "跨省宁夏" + family.Phone[^4..];
        var shanxiOfficeToNingxia = new ChainDriver(system, Orgs.Office, Orgs.County, Orgs.NingxiaPrison);
        await shanxiOfficeToNingxia.ImportInmateAsync(family.InmateNumber, inmate, Area);
        // A 13-year-old throughout March: not counted in Shanxi ([Y 四1], under 14), counted in Ningxia ([N§5], under 12).
        var withChild = ThreeAdultsAndAChild(family, inmate, Orgs.NingxiaPrison, born: new DateOnly(2013, 1, 10), venue: Orgs.Venue);
        var withGrandmother = Application(family, inmate, Orgs.NingxiaPrison, venue: Orgs.Venue);
        withGrandmother.Visitors[0].Relation = Relation.Grandmother;
        var atYongji = ThreeAdultsAndAChild(family, inmate, Orgs.Prison, born: new DateOnly(2013, 1, 10), venue: Orgs.Venue);

        var tooMany = await RefusedAtTheCounterAsync(shanxiOfficeToNingxia, withChild);
        var outOfScope = await RefusedAtTheCounterAsync(shanxiOfficeToNingxia, withGrandmother);
        var acceptedAtYongji = await shanxiOfficeToNingxia.SubmitAsync(atYongji);

        Assert.Equal("TOO_MANY_VISITORS", tooMany.Reason);
        Assert.Contains("[N§5]", tooMany.Description, StringComparison.Ordinal);
        Assert.Equal("RELATION_NOT_IN_SCOPE", outOfScope.Reason);
        Assert.Contains("[N§4]", outOfScope.Description, StringComparison.Ordinal);
        Assert.NotEmpty(acceptedAtYongji); // the same family at the Shanxi prison: the child is not counted
    }

    [Fact]
    public async Task ANingxiaFamilyVisitingAShanxiPrisonIsJudgedByShanxisRules()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "跨省山西" + family.Phone[^4..];
        var ningxiaOfficeToYongji = new ChainDriver(system, Orgs.NingxiaOffice, Orgs.NingxiaCounty, Orgs.Prison);
        await ningxiaOfficeToYongji.ImportInmateAsync(family.InmateNumber, inmate, "3");
        // A grandmother ([Y 五(二)]) and a 13-year-old, not counted ([Y 四1]): both refused at a Ningxia prison.
        var request = ThreeAdultsAndAChild(family, inmate, Orgs.Prison, born: new DateOnly(2013, 1, 10));
        request.Visitors[1].Relation = Relation.Grandmother;
        request.Inmate.PrisonArea = "3";

        var proposal = await ApprovedProposalAsync(ningxiaOfficeToYongji, request);

        // Shanxi's length and area 3's days; the call joins the Yongji prison to the Ningxia county's venue.
        Assert.Equal(30, proposal.Minutes);
        Assert.Contains(DayOf(proposal.Date), new[] { 3, 13, 23 });
        Assert.Equal(Orgs.NingxiaVenue, proposal.VenueId);
    }

    /// <summary>Up to the prison's approval and the proposal it leads to.</summary>
    private static async Task<VisitView> ApprovedProposalAsync(ChainDriver chain, SubmitApplicationRequest request)
    {
        var id = await chain.DriveToPrisonTaskAsync(request);
        var decision = await chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });
        Assert.True(decision.Approved, decision.Reason);
        return await chain.WaitForProposalAsync(id);
    }

    private static async Task<BadRequest.Types.FieldViolation> RefusedAtTheCounterAsync(ChainDriver chain, SubmitApplicationRequest request)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await chain.SubmitAsync(request));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "visitors");
    }

    /// <summary>
    /// The family's application for the given prison, made at a venue of the office's county (the Ningxia example
    /// venue unless another is named); every adult has done the real-person verification Ningxia asks ([N§7]).
    /// </summary>
    private static SubmitApplicationRequest Application(Family family, string inmate, string prison, string venue = Orgs.NingxiaVenue)
    {
        var request = family.Application(inmate, Area);
        request.Inmate.PrisonId = prison;
        request.VenueId = venue;
        foreach (var visitor in request.Visitors)
        {
            visitor.Documents.Add(DocumentKind.RealPersonVerification);
        }

        return request;
    }

    /// <summary>The mother, two brothers (one the child's guardian) and a child born on <paramref name="born"/>.</summary>
    private static SubmitApplicationRequest ThreeAdultsAndAChild(Family family, string inmate, string prison, DateOnly born, string venue = Orgs.NingxiaVenue)
    {
        var request = Application(family, inmate, prison, venue);
        foreach (var (name, guardian) in new[] { ("兄长", true), ("弟弟", false) })
        {
            var adult = family.Adult(name, Relation.Brother);
            adult.IsGuardian = guardian;
            adult.Documents.Add(DocumentKind.RealPersonVerification);
            request.Visitors.Add(adult);
        }

        request.Visitors.Add(new VisitorInput
        {
            Name = "小妹",
            IdNumber = ResidentIds.BornOn(born),
            Relation = Relation.Sister,
            Documents = { DocumentKind.HouseholdRegister },
        });
        return request;
    }

    private static int DayOf(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).Day;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string MonthAfter(string month, int months) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(months).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
