using System.Globalization;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Audit;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;
using Visitation.Rules.Sms;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// The regulations as the prison applies them through the chain: suspensions, the monthly quota
/// shared with on-site visits, the relatives register, and a terminated visit's penalty (issue 4).
/// </summary>
public sealed class RegulationTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    private readonly SchedulingService.SchedulingServiceClient _venue = system.Scheduling(VisitationSystem.Token(Roles.VenueStaff, Orgs.Venue, "venue-wu"));

    private PrisonApprovalService.PrisonApprovalServiceClient ClerkAsking { get; } =
        system.PrisonApproval(VisitationSystem.Token(Roles.Clerk, Orgs.Office, "clerk-li"));

    [Fact]
    public async Task AConfinedInmateIsRefusedWithTheReasonAndTheFamilyIsTold()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "禁闭中" + family.Phone[^4..];
        var number = family.InmateNumber;
        await _chain.ImportInmateAsync(number, inmate, "3");
        var month = MonthOf(Family.NextVisitMonth(system.Clock));
        await _chain.Officer.SetInmateStatusAsync(new SetInmateStatusRequest
        {
            InmateNumber = number,
            Status = new StatusInput { Kind = InmateStatusKind.Confinement, From = Day(month), To = Day(month.AddMonths(1).AddDays(-1)), Reason = "违反监规" },
        });

        var id = await _chain.DriveToPrisonTaskAsync(family.Application(inmate));
        var decision = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });

        Assert.False(decision.Approved);
        Assert.Equal("SUSPENDED_CONFINEMENT", decision.ReasonCode);
        var failure = Assert.Single(decision.Failures);
        Assert.Equal("[Y 九5]", failure.Source);
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.PrisonRejected, smsCount: 2);
        var sms = await system.SmsTo(family.Phone);
        Assert.Contains("原因：" + SmsReasons.ConditionsNotMet, sms[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("禁闭", sms[1].Text, StringComparison.Ordinal); // a fact about the inmate: not for a shared phone
    }

    [Fact]
    public async Task AConfinementOverPartOfTheMonthLeavesItsOtherVisitDaysOpen()
    {
        system.Clock.StartAt(TestDates.JulyApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "部分禁闭" + family.Phone[^4..];
        var number = family.InmateNumber;
        await _chain.ImportInmateAsync(number, inmate, "3");
        var month = MonthOf(Family.NextVisitMonth(system.Clock));
        // Area 3 visits on the 3rd, 13th and 23rd: the confinement closes the 3rd and the 13th.
        await _chain.Officer.SetInmateStatusAsync(new SetInmateStatusRequest
        {
            InmateNumber = number,
            Status = new StatusInput { Kind = InmateStatusKind.Confinement, From = Day(month), To = Day(month.AddDays(14)), Reason = "违反监规" },
        });

        var id = await _chain.DriveToPrisonTaskAsync(family.Application(inmate));
        var decision = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });
        var proposal = await _chain.WaitForProposalAsync(id);

        Assert.True(decision.Approved, decision.Reason);
        Assert.Equal(Day(month.AddDays(22)), proposal.Date);
    }

    [Fact]
    public async Task AnOnSiteVisitUsesTheMonthAndTheClerkIsThenSentToThePrisonWithoutTheReason()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "现场会见" + family.Phone[^4..];
        var number = family.InmateNumber;
        await _chain.ImportInmateAsync(number, inmate, "3");
        var today = system.Clock.ChinaToday;
        var thisMonth = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var request = family.Application(inmate);
        request.VisitMonth = thisMonth;
        var ask = CounterQuestions.For(request, number);

        var before = await ClerkAsking.CheckEligibilityAsync(ask);
        var recorded = await _chain.Officer.RecordOnSiteVisitAsync(new RecordOnSiteVisitRequest { RequestId = Guid.NewGuid().ToString(), InmateNumber = number, Date = Day(today), OverrideReason = "现场会见日调整" });
        var after = await ClerkAsking.CheckEligibilityAsync(ask);

        Assert.Equal(EligibilityOutcome.Eligible, before.Outcome);
        Assert.Equal((1, 1), (recorded.QuotaUsed, recorded.QuotaAllowed));
        Assert.Single(recorded.QuotaEntries, e => e.Mode == VisitMode.OnSite && e.Outcome == QuotaOutcome.Held);
        // The month's quota is the inmate's: the office hears only where to ask.
        Assert.Equal(CounterQuestions.ContactPrison, after);

        var id = await _chain.DriveToPrisonTaskAsync(request);
        var decision = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });

        Assert.False(decision.Approved);
        Assert.Equal("MONTHLY_QUOTA_USED", decision.ReasonCode);
        Assert.Contains("本月已会见1次", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFirstTimeVisitorJoinsTheRelativesRegisterAndIsRecognisedNextTime()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "亲属登记" + family.Phone[^4..];
        var number = family.InmateNumber;
        await _chain.ImportInmateAsync(number, inmate, "3");
        var first = family.Application(inmate);

        var firstId = await _chain.DriveToPrisonTaskAsync(first);
        var firstTask = await PrisonTaskAsync(firstId);
        Assert.Equal(Relation.Unspecified, Assert.Single(firstTask.Visitors).RegisteredRelation);
        Assert.True((await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = firstId })).Approved);

        var second = family.Application(inmate);
        second.Visitors.Clear();
        second.Visitors.Add(first.Visitors[0]);
        second.VisitMonth = MonthOf(first.VisitMonth).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var secondId = await _chain.DriveToPrisonTaskAsync(second);
        var secondTask = await PrisonTaskAsync(secondId);

        Assert.Equal(Relation.Mother, Assert.Single(secondTask.Visitors).RegisteredRelation);
        var view = await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = number });
        var relative = Assert.Single(view.Relatives);
        Assert.Equal(Relation.Mother, relative.Relation);
        Assert.DoesNotContain(first.Visitors[0].IdNumber[6..14], relative.IdNumberMasked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATerminatedVisitsPenaltyBlocksTheNextMonth()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "中止会见" + family.Phone[^4..];
        var number = family.InmateNumber;
        var (id, proposal) = await _chain.DriveToProposalAsync(family, inmate);
        var visit = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2); // today's work done before the clock jumps
        var visitDate = DateOnly.ParseExact(visit.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var start = TestDates.Of(visit.Date, visit.StartTime);
        try
        {
            // The day of the visit, at scheduling: checked in, started, ended for a recording after 12 minutes.
            system.Clock.Freeze(start.AddMinutes(-10));
            await _venue.CheckInAsync(new CheckInRequest { VisitId = visit.VisitId, IdentityChecked = true });
            system.Clock.Freeze(start);
            await _chain.VisitCentre.StartVisitAsync(new VisitActionRequest { VisitId = visit.VisitId });
            system.Clock.Freeze(start.AddMinutes(12));
            // Three months: the whole next month is inside the penalty (one month would end before its last visit days).
            await _chain.VisitCentre.TerminateVisitAsync(new TerminateVisitRequest { VisitId = visit.VisitId, ReasonCode = "RECORDING", Severity = TerminationSeverity.Ordinary, PenaltyMonths = 3 });
        }
        finally
        {
            system.Clock.Release();
        }

        var view = await Eventually.Until(async () => await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = number, Month = Month(visitDate) }),
            v => v.Statuses.Any(s => s.Kind == InmateStatusKind.Penalty), "the penalty suspension");
        var penalty = Assert.Single(view.Statuses, s => s.Kind == InmateStatusKind.Penalty);
        Assert.Equal((Day(visitDate.AddDays(1)), Day(visitDate.AddMonths(3).AddDays(-1)), StatusSource.Penalty), (penalty.From, penalty.To, penalty.Source));
        Assert.Equal(QuotaOutcome.Held, Assert.Single(view.QuotaEntries).Outcome);
        var first = await Eventually.Until(async () => await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = proposal.ApplicationId }),
            a => a.Status == ApplicationStatus.VisitTerminated, "the first application to show the termination");
        Assert.Equal("RECORDING", first.Timeline.Single(t => t.Event == TimelineEvent.VisitTerminated).ReasonCode);

        var next = family.Application(inmate);
        next.VisitMonth = Month(visitDate.AddMonths(1));
        var nextId = await _chain.DriveToPrisonTaskAsync(next);
        var decision = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = nextId });

        Assert.False(decision.Approved);
        Assert.Equal("SUSPENDED_PENALTY", decision.ReasonCode);
        Assert.Contains("因违反会见规定被暂停会见", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASuspensionThatStartsAfterBookingCancelsTheVisitAndGivesTheMonthBack()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "预约后禁闭" + family.Phone[^4..];
        var number = family.InmateNumber;
        var (id, proposal) = await _chain.DriveToProposalAsync(family, inmate);
        var visit = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);

        await _chain.Officer.SetInmateStatusAsync(new SetInmateStatusRequest
        {
            InmateNumber = number,
            // No last day: one with an end re-offers a day after it instead (SuspensionEndTests).
            Status = new StatusInput { Kind = InmateStatusKind.Confinement, From = visit.Date, Reason = "违反监规" },
        });

        var cancelled = await Eventually.Until(async () => await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId }),
            v => v.Status == VisitStatus.Cancelled, "the booked visit to be cancelled");
        Assert.Equal("SUSPENDED_CONFINEMENT", cancelled.OutcomeReasonCode);
        var sms = await Eventually.Until(() => system.SmsTo(family.Phone), m => m.Count == 3, "the cancellation SMS");
        Assert.Contains("已取消", sms[2].Text, StringComparison.Ordinal);
        Assert.Contains("原因：" + SmsReasons.ConditionsNotMet, sms[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("禁闭", sms[2].Text, StringComparison.Ordinal); // a fact about the inmate: not for a shared phone
        var view = await Eventually.Until(async () => await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = number, Month = visit.Date[..7] }),
            v => v.QuotaUsed == 0, "the month's visit to be given back");
        Assert.Equal(QuotaOutcome.Cancelled, Assert.Single(view.QuotaEntries).Outcome);
        var application = await _chain.WaitForOutcomeAsync(id, ApplicationStatus.VisitCancelled, smsCount: 3);
        Assert.Equal("SUSPENDED_CONFINEMENT", application.Timeline.Single(t => t.Event == TimelineEvent.VisitCancelled).ReasonCode);
        Assert.Null(application.Visit);
        Assert.Equal("SUSPENDED_CONFINEMENT", (await AuditRows.SingleAsync(system, "scheduling", "VisitCancelled", visit.VisitId, AuditedActor.System)).ReasonCode);
    }

    [Fact]
    public async Task GrandparentsMayNotVisitADutyCrimeInmateInShanxi()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "职务犯罪" + family.Phone[^4..];
        var number = family.InmateNumber;
        await _chain.Officer.ImportInmatesAsync(new ImportInmatesRequest
        {
            Inmates = { new InmateRecord { InmateNumber = number, Name = inmate, PrisonArea = "3", ManagementLevel = ManagementLevel.Normal, CrimeCategories = { CrimeCategory.DutyCrime } } },
        });
        var request = family.Application(inmate);
        request.Visitors[0].Relation = Relation.Grandmother;

        var answer = await ClerkAsking.CheckEligibilityAsync(CounterQuestions.For(request, number));
        var id = await _chain.DriveToPrisonTaskAsync(request);
        var decision = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });

        // The crime category is the inmate's: the counter is sent to the prison, the prison refuses with the rule.
        Assert.Equal(CounterQuestions.ContactPrison, answer);
        Assert.False(decision.Approved);
        var failure = Assert.Single(decision.Failures);
        Assert.Equal("RELATION_RESTRICTED_BY_CRIME", failure.Code);
        Assert.Equal("[Y 五(三)]", failure.Source);
    }

    [Fact]
    public async Task ASuspensionSetWhileAnApplicationWaitsRefusesItAndTellsTheFamily()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "隔离审查" + family.Phone[^4..];
        var number = family.InmateNumber;
        await _chain.ImportInmateAsync(number, inmate, "3");
        var id = await _chain.DriveToPrisonTaskAsync(family.Application(inmate));
        var today = system.Clock.ChinaToday;

        await _chain.Officer.SetInmateStatusAsync(new SetInmateStatusRequest
        {
            InmateNumber = number,
            Status = new StatusInput { Kind = InmateStatusKind.SeparateCustody, From = Day(today), Reason = "隔离审查" },
        });

        var application = await _chain.WaitForOutcomeAsync(id, ApplicationStatus.PrisonRejected, smsCount: 2);
        Assert.Equal("SUSPENDED_SEPARATE_CUSTODY", application.Timeline.Single(t => t.Event == TimelineEvent.PrisonRejected).ReasonCode);
        Assert.DoesNotContain(await _chain.Officer.AllPendingApprovalsAsync(), t => t.ApplicationId == id);
        var refusal = (await system.SmsTo(family.Phone))[1].Text;
        Assert.Contains("原因：" + SmsReasons.ConditionsNotMet, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("隔离审查", refusal, StringComparison.Ordinal); // a fact about the inmate: not for a shared phone
    }

    [Fact]
    public async Task AnApplicationLeftPastTheVisitCentresDeadlineExpiresAndIsListedAsOverdue()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "超期未审" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "3");
        var id = await _chain.DriveToPrisonTaskAsync(family.Application(inmate));
        var task = await PrisonTaskAsync(id);
        Assert.Equal((ApprovalStatus.Pending, null), (task.Status, task.Decision));
        Assert.True(task.DueBy.ToDateTimeOffset() > system.Clock.GetUtcNow().AddDays(1), task.DueBy.ToString());

        // Three working days pass without a decision.
        await Reliability.OutboxRows.QueryAsync(system.Databases["prison_approval"],
            "UPDATE approvals SET due_by = @due WHERE application_id = @id", ("due", system.Clock.GetUtcNow().AddMinutes(-1)), ("id", Guid.Parse(id)));

        var application = await _chain.WaitForOutcomeAsync(id, ApplicationStatus.PrisonRejected, smsCount: 2);
        Assert.Equal("REVIEW_DEADLINE_PASSED", application.Timeline.Single(t => t.Event == TimelineEvent.PrisonRejected).ReasonCode);
        var expired = Assert.Single(await _chain.Officer.AllOverdueApprovalsAsync(), t => t.ApplicationId == id);
        Assert.Equal((ApprovalStatus.Expired, "REVIEW_DEADLINE_PASSED", "system:review-clock"), (expired.Status, expired.Decision.ReasonCode, expired.Decision.DecidedBy));
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id }));
        Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, error.StatusCode);
        var audited = await AuditRows.SingleAsync(system, "prison_approval", "ApprovalExpired", id, AuditedActor.System);
        Assert.Equal(("REVIEW_DEADLINE_PASSED", "expired"), (audited.ReasonCode, audited.Outcome));
    }

    [Fact]
    public async Task AnApplicationTheBureauLeavesPastItsDeadlineExpiresWithAReason()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var id = await _chain.SubmitAsync(family.Application("县局超期" + family.Phone[^4..]));
        await _chain.WaitForBureauTaskAsync(id);
        var task = (await _chain.Reviewer.AllPendingReviewsAsync()).Single(t => t.ApplicationId == id);
        Assert.True(task.DueBy.ToDateTimeOffset() > system.Clock.GetUtcNow().AddDays(1), task.DueBy.ToString());

        await Reliability.OutboxRows.QueryAsync(system.Databases["bureau_review"],
            "UPDATE reviews SET due_by = @due WHERE application_id = @id", ("due", system.Clock.GetUtcNow().AddMinutes(-1)), ("id", Guid.Parse(id)));

        var application = await _chain.WaitForOutcomeAsync(id, ApplicationStatus.BureauRejected, smsCount: 2);
        Assert.Equal("REVIEW_DEADLINE_PASSED", application.Timeline.Single(t => t.Event == TimelineEvent.BureauRejected).ReasonCode);
        var expired = Assert.Single(await _chain.Reviewer.AllOverdueReviewsAsync(), t => t.ApplicationId == id);
        Assert.Equal((Contracts.Grpc.BureauReview.ReviewStatus.Expired, "REVIEW_DEADLINE_PASSED"), (expired.Status, expired.Decision.ReasonCode));
        Assert.NotNull(expired.Decision.DecidedAt);
        Assert.Contains("原因：" + SmsReasons.Timing, (await system.SmsTo(family.Phone))[1].Text, StringComparison.Ordinal);
        var audited = await AuditRows.SingleAsync(system, "bureau_review", "ReviewExpired", id, AuditedActor.System);
        Assert.Equal(("REVIEW_DEADLINE_PASSED", "expired"), (audited.ReasonCode, audited.Outcome));
    }

    private async Task<ApprovalTask> PrisonTaskAsync(string id) =>
        (await _chain.Officer.AllPendingApprovalsAsync()).Single(t => t.ApplicationId == id);

    private static DateOnly MonthOf(string yyyyMm) => DateOnly.ParseExact(yyyyMm + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
