using System.Globalization;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;
using static Visitation.IntegrationTests.Security.AccessRecords;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// A suspension set without an end cancels the booked visit without an offer; ended early, it offers the family a day
/// after its end in the visit's month, once, or tells them the month has none (issue 14, docs/reoffer-and-moves.md).
/// </summary>
public sealed class SuspensionEarlyEndReofferTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task AnOpenConfinementEndedEarlyOffersTheCancelledVisitADayAfterItsEndAndOnlyOnce()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        // Area 6 meets on the 6th, 16th and 26th: the first proposal is the first of them other tests left free.
        var (id, booked, statusId) = await BookAndSuspendWithoutAnEndAsync(family, "提前解除" + family.Phone[^4..]);

        await _chain.Officer.EndInmateStatusAsync(new EndInmateStatusRequest { InmateNumber = family.InmateNumber, StatusId = statusId, LastDay = Day(booked.Date.AddDays(5)) });

        var offered = await _chain.WaitForProposalAsync(id);
        Assert.NotEqual(booked.VisitId, offered.VisitId);
        Assert.Equal(Day(booked.Date.AddDays(10)), offered.Date); // the area's first day after the end
        var confirmed = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = offered.VisitId });
        var sms = await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Count >= 4, "the new time's SMS");
        Assert.Contains(TestDates.InSms(offered.Date), sms[3].Text, StringComparison.Ordinal);
        var application = await Eventually.Until(async () => await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }),
            a => a.Status == ApplicationStatus.Scheduled, "the application to follow the new visit out of its cancellation");
        Assert.Equal(confirmed.Date, application.Visit.Date);
        var inmate = await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber, Month = "2026-03" });
        Assert.Equal(1, inmate.QuotaUsed); // the month's visit is the family's again

        // Ended a second time (earlier still), and the request delivered again under a new message id: nothing more.
        await _chain.Officer.EndInmateStatusAsync(new EndInmateStatusRequest { InmateNumber = family.InmateNumber, StatusId = statusId, LastDay = Day(booked.Date.AddDays(3)) });
        var requests = await OutboxRows.MessageIdsAsync(system.Databases["prison_approval"], nameof(VisitReofferRequested), [id]);
        Assert.Single(requests);
        var again = Guid.NewGuid();
        await system.PublishAsync(new VisitReofferRequested(Guid.Parse(id), Orgs.Prison, family.InmateNumber, Guid.Parse(statusId), booked.Date.AddDays(5), "officer-sun", system.Clock.GetUtcNow()), again);
        await Eventually.Until(() => OutboxRows.InboxOfAsync(system.Databases["scheduling"], [again]), n => n == 1, "scheduling to handle the repeated request");
        var visit = await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = confirmed.VisitId });
        Assert.Equal(VisitStatus.Scheduled, visit.Status);
        Assert.DoesNotContain(await _chain.VisitCentre.AllProposalsAsync(), v => v.ApplicationId == id);
    }

    [Fact]
    public async Task EndedAfterTheMonthsLastAreaDayTheFamilyIsToldTheMonthHasNoDayLeft()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (id, booked, statusId) = await BookAndSuspendWithoutAnEndAsync(family, "月末解除" + family.Phone[^4..]);

        // The 27th: the area's last March day (the 26th) is still inside the confinement.
        await _chain.Officer.EndInmateStatusAsync(new EndInmateStatusRequest { InmateNumber = family.InmateNumber, StatusId = statusId, LastDay = Day(booked.Date.AddDays(21)) });

        var sms = await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Count >= 4, "the no-day SMS");
        Assert.Contains("2026年3月远程视频会见暂无可安排的时间", sms[3].Text, StringComparison.Ordinal);
        Assert.Contains("您可申请2026年4月的会见", sms[3].Text, StringComparison.Ordinal);
        var inmate = await Eventually.Until(async () => await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber, Month = "2026-03" }),
            i => i.QuotaUsed == 0, "the month's quota to be given back again");
        Assert.DoesNotContain(await _chain.VisitCentre.AllProposalsAsync(), v => v.ApplicationId == id);
        Assert.Equal(0, inmate.QuotaUsed);
    }

    [Fact]
    public async Task WhenTheMonthsVisitWasTakenMeanwhileEndingTheConfinementOffersNothing()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (id, booked, statusId) = await BookAndSuspendWithoutAnEndAsync(family, "次数已用" + family.Phone[^4..]);
        await Eventually.Until(() => MarchAsync(family), i => i.QuotaUsed == 0, "the cancelled visit to give the month's quota back");

        // On 3 March, before the confinement, the family visits on site: the month's one visit is used.
        system.Clock.StartAt(TestDates.At(2026, 3, 3, 9, 0));
        await _chain.Officer.RecordOnSiteVisitAsync(new RecordOnSiteVisitRequest
        {
            RequestId = Guid.NewGuid().ToString(), InmateNumber = family.InmateNumber, Date = "2026-03-03", OverrideReason = "家属来监现场会见",
        });
        await _chain.Officer.EndInmateStatusAsync(new EndInmateStatusRequest { InmateNumber = family.InmateNumber, StatusId = statusId, LastDay = Day(booked.Date.AddDays(5)) });

        // Asked in the end's own transaction or not at all: the outbox is complete when the call returns.
        Assert.Empty(await OutboxRows.MessageIdsAsync(system.Databases["prison_approval"], nameof(VisitReofferRequested), [id]));
        Assert.Equal(1, (await MarchAsync(family)).QuotaUsed); // the on-site visit alone
    }

    [Fact]
    public async Task WhenTheMonthsVisitWasTakenMeanwhileAnExtraVisitApprovedForTheMonthStillGivesTheCancelledOneItsDay()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (id, booked, statusId) = await BookAndSuspendWithoutAnEndAsync(family, "特批补约" + family.Phone[^4..]);
        await Eventually.Until(() => MarchAsync(family), i => i.QuotaUsed == 0, "the cancelled visit to give the month's quota back");
        system.Clock.StartAt(TestDates.At(2026, 3, 3, 9, 0));
        await _chain.Officer.RecordOnSiteVisitAsync(new RecordOnSiteVisitRequest
        {
            RequestId = Guid.NewGuid().ToString(), InmateNumber = family.InmateNumber, Date = "2026-03-03", OverrideReason = "家属来监现场会见",
        });
        // As above, the on-site visit took the month's ordinary visit; but every level of the prison's chain signed an
        // extra visit for March ([Y 四2]), which eligibility counts for a visit that claims it: the month holds two.
        await _chain.Director.RecordSpecialApprovalAsync(new RecordSpecialApprovalRequest
        {
            InmateNumber = family.InmateNumber, Kind = SpecialApprovalKind.ExtraVisit, Month = "2026-03",
            ApprovedBy = { SpecialApprovalLevel.PrisonArea, SpecialApprovalLevel.PrisonAdministrationSection, SpecialApprovalLevel.PrisonLeadership },
            Signatories = "监区长 刘、狱政科长 王、副监狱长 陈", Reason = "母亲病危",
        });

        await _chain.Officer.EndInmateStatusAsync(new EndInmateStatusRequest { InmateNumber = family.InmateNumber, StatusId = statusId, LastDay = Day(booked.Date.AddDays(5)) });

        Assert.Single(await OutboxRows.MessageIdsAsync(system.Databases["prison_approval"], nameof(VisitReofferRequested), [id]));
        Assert.Equal(2, (await MarchAsync(family)).QuotaUsed); // the on-site visit and the family's visit, booked again
        var offered = await _chain.WaitForProposalAsync(id);
        Assert.Equal(Day(booked.Date.AddDays(10)), offered.Date);
    }

    private async Task<InmateView> MarchAsync(Family family) =>
        await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber, Month = "2026-03" });

    /// <summary>A confirmed visit on 6 March in area 6, cancelled without an offer by a confinement from 4 March with no end.</summary>
    private async Task<(string ApplicationId, (string VisitId, DateOnly Date) Booked, string StatusId)> BookAndSuspendWithoutAnEndAsync(Family family, string inmate)
    {
        var (id, proposal) = await _chain.DriveToProposalAsync(family, inmate, area: "6");
        var visit = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        var date = DateOnly.ParseExact(visit.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var suspended = await _chain.Officer.SetInmateStatusAsync(new SetInmateStatusRequest
        {
            InmateNumber = family.InmateNumber,
            Status = new StatusInput { Kind = InmateStatusKind.Confinement, From = Day(date.AddDays(-2)), Reason = "违反监规" },
        });
        await Eventually.Until(async () => await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId }),
            v => v.Status == VisitStatus.Cancelled, "the booked visit to be cancelled");
        var sms = await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Count >= 3, "the cancellation SMS");
        Assert.DoesNotContain("新的会见时间", sms[2].Text, StringComparison.Ordinal);
        await Eventually.Until(async () => await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }),
            a => a.Status == ApplicationStatus.VisitCancelled, "the application to end cancelled");
        return (id, (visit.VisitId, date), Assert.Single(suspended.Statuses, s => s.Kind == InmateStatusKind.Confinement).StatusId);
    }
}
