using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// 50 applications approved at once race for the slots of one county venue with a single terminal
/// (issue 5's race test, on the real database with two scheduling instances): every slot is given
/// out exactly once, no terminal is double-booked, and every application beyond the capacity is
/// told there is no slot this month.
/// </summary>
public sealed class SlotRaceTests(VisitationSystem system)
{
    private const int Applications = 50;
    private const string Office = "yanhu-beicheng-office", County = "yanhu-bureau", Venue = "yanhu-venue", Area = "6";

    [Fact]
    public async Task FiftyApprovalsRacingForFewerSlotsNeverOverbookATerminal()
    {
        system.Clock.StartAt(TestDates.JulyApplicationDay);
        var clerk = system.Applications(VisitationSystem.Token(Roles.Clerk, Office, "clerk-wang"));
        var reviewer = system.BureauReview(VisitationSystem.Token(Roles.Reviewer, County, "reviewer-liu"));
        var officer = system.PrisonApproval(VisitationSystem.Token(Roles.Officer, Orgs.Prison, "officer-sun"));
        var visitCentre = system.Scheduling(VisitationSystem.Token(Roles.Officer, Orgs.Prison, "officer-sun"));
        var families = Enumerable.Range(0, Applications).Select(_ => new Family(system.Clock)).ToArray();
        var inmates = families.Select(f => "抢号" + f.Phone[^5..]).ToArray();
        await officer.ImportInmatesAsync(new ImportInmatesRequest
        {
            Inmates = { families.Zip(inmates).Select(x => new InmateRecord { InmateNumber = "RACE" + x.First.Phone[^7..], Name = x.Second, PrisonArea = Area, ManagementLevel = ManagementLevel.Normal }) },
        });
        var ids = await Task.WhenAll(families.Zip(inmates).Select(async x =>
        {
            var request = x.First.Application(x.Second, Area);
            request.VenueId = Venue;
            return (await clerk.SubmitApplicationAsync(request)).ApplicationId;
        }));
        await Eventually.Until(() => reviewer.AllPendingReviewsAsync(), tasks => ids.All(id => tasks.Any(t => t.ApplicationId == id)), "50 review tasks");
        await Task.WhenAll(ids.Select(async id => await reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id })));
        await Eventually.Until(() => officer.AllPendingApprovalsAsync(), tasks => ids.All(id => tasks.Any(t => t.ApplicationId == id)), "50 prison tasks");

        // The race: 50 approvals at once, each proposal allocated by one of two scheduling instances.
        await Task.WhenAll(ids.Select(async id => await officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id })));
        var outcomes = await Task.WhenAll(ids.Select(id => Eventually.Until(async () => await clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }),
            a => a.Status is ApplicationStatus.VisitProposed or ApplicationStatus.NoSlotAvailable, $"{id} to be proposed or told there is no slot", seconds: 90)));

        var month = Family.NextVisitMonth(system.Clock);
        var days = await visitCentre.ListVisitDaysAsync(new ListVisitDaysRequest { PrisonId = Orgs.Prison, PrisonArea = Area, Month = month });
        var capacity = days.VideoDays.Count * 8; // one venue terminal; 09:00–11:30 and 14:30–17:00 hold four 30+10-minute visits each
        var proposals = (await visitCentre.AllProposalsAsync()).Where(v => ids.Contains(v.ApplicationId)).ToList();
        Assert.True(capacity < Applications, $"the test needs fewer slots ({capacity}) than applications");
        Assert.Equal(capacity, proposals.Count);
        Assert.Equal(Applications - capacity, outcomes.Count(a => a.Status == ApplicationStatus.NoSlotAvailable));
        Assert.All(proposals, v => Assert.Equal("YH-V1", v.VenueTerminal));
        Assert.Equal(proposals.Count, proposals.Select(v => (v.Date, v.StartTime)).Distinct().Count());
        Assert.All(outcomes.Where(a => a.Status == ApplicationStatus.NoSlotAvailable), a => Assert.Contains(a.Timeline, t => t.ReasonCode == "NO_SLOT_IN_MONTH"
            && t.Detail.Contains('年', StringComparison.Ordinal) && t.Detail.Contains("须提前10天申请", StringComparison.Ordinal)));
    }
}
