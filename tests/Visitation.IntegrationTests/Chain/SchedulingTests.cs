using System.Globalization;
using Grpc.Core;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Contracts.Grpc;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Chain;

/// <summary>The visit centre's choices over the proposal, and the calendar anyone may read.</summary>
public sealed class SchedulingTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task VisitCentreCanMoveTheProposalToAnotherFreeSlot()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "刘志强" + family.Phone[^4..];
        var (id, proposal) = await _chain.DriveToProposalAsync(family, inmate, area: "5");

        var free = await _chain.VisitCentre.ListFreeSlotsAsync(new ListFreeSlotsRequest { VisitId = proposal.VisitId, MaxResults = 50 });
        var other = free.Slots.Last(s => s.Date != proposal.Date || s.StartTime != proposal.StartTime);
        var confirmed = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId, Date = other.Date, StartTime = other.StartTime });
        var again = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });

        Assert.Equal((other.Date, other.StartTime), (confirmed.Date, confirmed.StartTime));
        Assert.Equal((confirmed.Date, confirmed.StartTime, VisitStatus.Scheduled), (again.Date, again.StartTime, again.Status));
        Assert.Contains(DateOnly.ParseExact(other.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture).Day, new[] { 5, 15, 25 });
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
        var sms = await system.SmsTo(family.Phone);
        Assert.Contains($" {other.StartTime}，时长30分钟", sms[^1].Text, StringComparison.Ordinal);
        var messages = await system.Notification(VisitationSystem.Token(Roles.Clerk, Orgs.Office)).ListMessagesAsync(new ListMessagesRequest { ApplicationId = id });
        Assert.Equal([SmsKind.Received, SmsKind.Scheduled], messages.Messages.Select(m => m.Kind));
        Assert.All(messages.Messages, m => Assert.Contains(m.Status, new[] { SmsDeliveryState.Submitted, SmsDeliveryState.Delivered }));
        Assert.All(messages.Messages, m => Assert.Matches(@"^139\*{4}\d{4}$", m.PhoneMasked));
    }

    [Fact]
    public async Task APreferredDateLaterThanTheEarliestFreeSlotGetsTheProposalAndKeepsItOnAReoffer()
    {
        system.Clock.StartAt(TestDates.AugustApplicationDay);
        var family = new Family(system.Clock);
        var month = Family.NextVisitMonth(system.Clock);
        var days = await _chain.VisitCentre.ListVisitDaysAsync(new ListVisitDaysRequest { PrisonId = Orgs.Prison, PrisonArea = "3", Month = month });
        Assert.True(days.VideoDays.Count >= 2, $"area 3 needs two video days in {month} for a later one to be preferable");
        var preferred = days.VideoDays[^1]; // area 3: the 23rd, unless a holiday took it

        var (id, proposal) = await _chain.DriveToProposalAsync(family, "高建华" + family.Phone[^4..], area: "3", amend: r =>
        {
            r.PreferredDates.Add(preferred);
            r.PreferredPartOfDay = PartOfDay.Afternoon;
        });

        Assert.Equal((preferred, true), (proposal.Date, proposal.MatchesPreference));
        Assert.True(Time(proposal.StartTime) >= new TimeOnly(12, 0), $"{proposal.StartTime} is not in the afternoon");
        Assert.Equal([preferred], proposal.PreferredDates);
        Assert.Equal(PartOfDay.Afternoon, proposal.PreferredPartOfDay);
        // The preference, not a full calendar, put it there: an earlier day still had room.
        var free = await _chain.VisitCentre.ListFreeSlotsAsync(new ListFreeSlotsRequest { VisitId = proposal.VisitId, MaxResults = 1 });
        Assert.True(string.CompareOrdinal(free.Slots[0].Date, preferred) < 0, $"earliest free slot {free.Slots[0].Date} is not before {preferred}");
        var application = await _chain.Clerk.GetApplicationAsync(new Contracts.Grpc.Application.GetApplicationRequest { ApplicationId = id });
        Assert.Equal([preferred], application.PreferredDates);
        Assert.Equal(PartOfDay.Afternoon, application.PreferredPartOfDay);

        // The prison cancels it: the re-offer is another afternoon slot on the same preferred date.
        var cancelled = await _chain.VisitCentre.CancelVisitAsync(new CancelVisitRequest { VisitId = proposal.VisitId, Cause = CancellationCause.Maintenance });
        var reoffer = Assert.Single(cancelled.Cancelled);
        Assert.True(reoffer.Reoffered);
        var again = await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = reoffer.NewVisitId });
        Assert.Equal((preferred, true), (again.Date, again.MatchesPreference));
        Assert.NotEqual(proposal.StartTime, again.StartTime);
        Assert.True(Time(again.StartTime) >= new TimeOnly(12, 0), $"{again.StartTime} is not in the afternoon");
    }

    [Fact]
    public async Task ASlotThatIsNotFreeCannotBeConfirmed()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (_, proposal) = await _chain.DriveToProposalAsync(family, "陈立" + family.Phone[^4..], area: "6");

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId, Date = proposal.Date, StartTime = "03:00" }));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task VisitDaysOfAnAreaSkipPublicHolidaysWithTheReason()
    {
        var days = await _chain.VisitCentre.ListVisitDaysAsync(new ListVisitDaysRequest { PrisonId = Orgs.Prison, PrisonArea = "1", Month = "2026-10" });

        Assert.Equal(["2026-10-11", "2026-10-21"], days.VideoDays);
        var excluded = Assert.Single(days.Excluded);
        Assert.Equal("2026-10-01", excluded.Date);
        Assert.Contains("国庆节", excluded.Reason, StringComparison.Ordinal);
        Assert.Equal(["2026-10-04"], days.OnsiteDays); // area 1: the first Sunday of October 2026
        Assert.True(days.HolidaysPublished);
    }

    [Fact]
    public async Task AYearWithoutItsHolidayNoticeSaysSoAndStillKeepsItsStatutoryHolidaysFree()
    {
        // No holiday file for 2030 ships: the caller is told the notice's bridging days are unknown,
        // but National Day, fixed by the regulations, is not offered.
        var days = await _chain.VisitCentre.ListVisitDaysAsync(new ListVisitDaysRequest { PrisonId = Orgs.Prison, PrisonArea = "1", Month = "2030-10" });

        Assert.False(days.HolidaysPublished);
        Assert.Equal(["2030-10-11", "2030-10-21"], days.VideoDays);
        var excluded = Assert.Single(days.Excluded);
        Assert.Equal(("2030-10-01", true), (excluded.Date, excluded.Reason.Contains("国庆节", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OnSiteDayOfAnAreaFollowsItsNthSundayRule()
    {
        // Area 4: "the Monday after the second Sunday"; March 2026's second Sunday is the 8th.
        var days = await _chain.VisitCentre.ListVisitDaysAsync(new ListVisitDaysRequest { PrisonId = Orgs.Prison, PrisonArea = "4", Month = "2026-03" });

        Assert.Equal(["2026-03-09"], days.OnsiteDays);
        Assert.Equal(["2026-03-04", "2026-03-14", "2026-03-24"], days.VideoDays);
    }

    private static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);
}
