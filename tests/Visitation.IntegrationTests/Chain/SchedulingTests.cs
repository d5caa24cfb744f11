using System.Globalization;
using Grpc.Core;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Chain;

/// <summary>The visit centre's choices over the proposal, and the calendar anyone may read.</summary>
public sealed class SchedulingTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task Visit_centre_can_move_the_proposal_to_another_free_slot()
    {
        var family = new Family();
        var inmate = "刘志强" + family.Phone[^4..];
        var (id, proposal) = await _chain.DriveToProposalAsync(family, inmate, area: "5");

        var free = await _chain.VisitCentre.ListFreeSlotsAsync(new ListFreeSlotsRequest { VisitId = proposal.VisitId, MaxResults = 50 });
        var other = free.Slots.Last(s => s.Date != proposal.Date || s.StartTime != proposal.StartTime);
        var confirmed = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId, Date = other.Date, StartTime = other.StartTime });
        var again = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });

        Assert.Equal((other.Date, other.StartTime), (confirmed.Date, confirmed.StartTime));
        Assert.Equal((confirmed.Date, confirmed.StartTime, "Scheduled"), (again.Date, again.StartTime, again.Status));
        Assert.Contains(DateOnly.ParseExact(other.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture).Day, new[] { 5, 15, 25 });
        await _chain.WaitForOutcomeAsync(id, "Scheduled", smsCount: 2);
        var sms = await system.SmsTo(family.Phone);
        Assert.Contains($" {other.StartTime}，时长30分钟", sms[^1].Text, StringComparison.Ordinal);
        var messages = await system.Notification(VisitationSystem.Token(Roles.Clerk, Orgs.Office)).ListMessagesAsync(new ListMessagesRequest { ApplicationId = id });
        Assert.Equal(["Received", "Scheduled"], messages.Messages.Select(m => m.Kind));
        Assert.All(messages.Messages, m => Assert.Equal("Sent", m.Status));
        Assert.All(messages.Messages, m => Assert.Matches(@"^139\*{4}\d{4}$", m.PhoneMasked));
    }

    [Fact]
    public async Task A_slot_that_is_not_free_cannot_be_confirmed()
    {
        var family = new Family();
        var (_, proposal) = await _chain.DriveToProposalAsync(family, "陈立" + family.Phone[^4..], area: "6");

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId, Date = proposal.Date, StartTime = "03:00" }));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task Visit_days_of_an_area_skip_public_holidays_with_the_reason()
    {
        var days = await _chain.VisitCentre.ListVisitDaysAsync(new ListVisitDaysRequest { PrisonId = Orgs.Prison, PrisonArea = "1", Month = "2026-10" });

        Assert.Equal(["2026-10-11", "2026-10-21"], days.VideoDays);
        var excluded = Assert.Single(days.Excluded);
        Assert.Equal("2026-10-01", excluded.Date);
        Assert.Contains("国庆节", excluded.Reason, StringComparison.Ordinal);
        Assert.Equal(["2026-10-04"], days.OnsiteDays); // area 1: the first Sunday of October 2026
    }

    [Fact]
    public async Task On_site_day_of_an_area_follows_its_nth_sunday_rule()
    {
        // Area 4: "the Monday after the second Sunday"; March 2026's second Sunday is the 8th.
        var days = await _chain.VisitCentre.ListVisitDaysAsync(new ListVisitDaysRequest { PrisonId = Orgs.Prison, PrisonArea = "4", Month = "2026-03" });

        Assert.Equal(["2026-03-09"], days.OnsiteDays);
        Assert.Equal(["2026-03-04", "2026-03-14", "2026-03-24"], days.VideoDays);
    }
}
