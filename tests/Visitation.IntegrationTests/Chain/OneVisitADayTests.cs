using System.Globalization;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// At most one video visit per inmate per day (videoVisitsPerInmatePerDay, a policy choice): a lenient-level
/// inmate's two visits of a month ([Y 三1]) land on two of the area's days, never back to back on one (issue 14).
/// </summary>
public sealed class OneVisitADayTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task ALenientInmatesTwoMonthlyVisitsLandOnTwoOfTheAreasDays()
    {
        system.Clock.StartAt(TestDates.AugustApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "宽管两次" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "3", ManagementLevel.Lenient);

        var first = await ProposalAsync(family, inmate);
        var second = await ProposalAsync(family, inmate);
        // The visit centre may not move the second onto the first's day either: that day is not among its free slots.
        var free = await _chain.VisitCentre.ListFreeSlotsAsync(new ListFreeSlotsRequest { VisitId = second.VisitId, MaxResults = 200 });

        Assert.NotEqual(first.Date, second.Date);
        Assert.All(new[] { first.Date, second.Date }, date => Assert.Contains(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).Day, new[] { 3, 13, 23 }));
        Assert.NotEmpty(free.Slots);
        Assert.DoesNotContain(free.Slots, slot => slot.Date == first.Date);
    }

    private async Task<VisitView> ProposalAsync(Family family, string inmate)
    {
        var id = await _chain.DriveToPrisonTaskAsync(family.Application(inmate));
        var decision = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });
        Assert.True(decision.Approved, decision.Reason);
        return await _chain.WaitForProposalAsync(id);
    }
}
