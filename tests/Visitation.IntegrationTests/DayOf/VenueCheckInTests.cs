using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Rules.Privacy;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.DayOf;

/// <summary>
/// Check-in at the county venue against the booked visitors (docs/console-venue.md): the visit
/// carries the approved visitors masked, and the ID number read at the door is compared with theirs
/// through the visitor key, so scheduling needs no full number to refuse a stranger.
/// </summary>
public sealed class VenueCheckInTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);
    private readonly SchedulingService.SchedulingServiceClient _venue = system.Scheduling(VisitationSystem.Token(Roles.VenueStaff, Orgs.Venue, "venue-qian"));

    [Fact]
    public async Task TheVenueSeesTheBookedVisitorsMaskedAndChecksInOnlyAnIdNumberOfOneOfThem()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var idNumber = string.Empty;
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "签到" + family.Phone[^4..], amend: r => idNumber = r.Visitors[0].IdNumber);
        var visit = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
        try
        {
            system.Clock.Freeze(TestDates.Of(visit.Date, visit.StartTime, -15));
            var seen = await _venue.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId });
            var booked = Assert.Single(seen.Visitors);
            Assert.Equal("王秀英", booked.Name);
            Assert.Equal(Mask.IdNumber(idNumber), booked.IdNumberMasked);

            var stranger = await Assert.ThrowsAsync<RpcException>(async () => await _venue.CheckInAsync(
                new CheckInRequest { VisitId = visit.VisitId, IdentityChecked = true, VisitorIdNumbers = { ResidentIds.Next() } }));
            Assert.Equal(StatusCode.InvalidArgument, stranger.StatusCode);
            var violation = Assert.Single(stranger.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
            Assert.Equal("visitor_id_numbers[0]", violation.Field);
            Assert.Contains("不是本次会见预约的会见人", violation.Description, StringComparison.Ordinal);
            Assert.Equal(VisitStatus.Scheduled, (await _venue.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId })).Status);

            // The number as a reader may give it: lower-case x and spaces are the same person.
            var checkedIn = await _venue.CheckInAsync(new CheckInRequest
            {
                VisitId = visit.VisitId, IdentityChecked = true, VisitorIdNumbers = { " " + idNumber.ToLowerInvariant() + " " },
            });
            Assert.Equal(VisitStatus.CheckedIn, checkedIn.Status);
        }
        finally
        {
            system.Clock.Release();
        }
    }
}
