using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Audit;

/// <summary>
/// The steps of a visit's day on the real services, each audited once with the person who took it:
/// the venue checks in, the prison starts, interrupts, resumes and terminates. Like the other
/// day-of tests it holds the run's clock at the moments it acts (see <see cref="TestClock"/>).
/// </summary>
public sealed class DayOfAuditTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);
    private readonly SchedulingService.SchedulingServiceClient _venue = system.Scheduling(VisitationSystem.Token(Roles.VenueStaff, Orgs.Venue, "venue-wu"));

    [Fact]
    public async Task EachStepOfAVisitsDayWritesOneAuditRowNamingWhoTookIt()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "审计日" + family.Phone[^4..]);
        var visit = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2); // today's work done before the clock moves
        try
        {
            At(visit, -10);
            await _venue.CheckInAsync(new CheckInRequest { VisitId = visit.VisitId, IdentityChecked = true });
            At(visit, 0);
            await _chain.VisitCentre.StartVisitAsync(new VisitActionRequest { VisitId = visit.VisitId });
            At(visit, 5);
            await _chain.VisitCentre.InterruptVisitAsync(new InterruptVisitRequest { VisitId = visit.VisitId, Cause = InterruptionCause.Network });
            At(visit, 6);
            await _chain.VisitCentre.ResumeVisitAsync(new VisitActionRequest { VisitId = visit.VisitId });
            await _chain.VisitCentre.ResumeVisitAsync(new VisitActionRequest { VisitId = visit.VisitId }); // a repeat records nothing new
            At(visit, 8);
            await _chain.VisitCentre.TerminateVisitAsync(new TerminateVisitRequest { VisitId = visit.VisitId, ReasonCode = "RECORDING", Severity = TerminationSeverity.Serious, PenaltyMonths = 6 });
        }
        finally
        {
            system.Clock.Release();
        }

        var steps = new List<(string Event, string Actor, string? Reason)>();
        foreach (var step in new[] { "VisitCheckedIn", "VisitStarted", "VisitInterrupted", "VisitResumed", "VisitTerminated" })
        {
            var row = Assert.Single(await AuditRows.OfAsync(system.Databases["scheduling"], step, visit.VisitId));
            steps.Add((step, row.ActorUserId, row.ReasonCode));
        }

        Assert.Equal(
            [("VisitCheckedIn", "venue-wu", null), ("VisitStarted", "officer-sun", null), ("VisitInterrupted", "officer-sun", null),
             ("VisitResumed", "officer-sun", null), ("VisitTerminated", "officer-sun", "RECORDING")],
            steps);
        // The penalty the termination carries is the prison's suspension, set by the system (issue 4): one row on the inmate.
        var inmateId = await AuditRows.InmateIdAsync(system.Databases["prison_approval"], family.InmateNumber);
        var penalty = await AuditRows.SingleEventuallyAsync(system, "prison_approval", "InmateStatusSet", inmateId, AuditedActor.System);
        Assert.Equal(("SUSPENDED_PENALTY", "penalty"), (penalty.ReasonCode, penalty.Outcome));
    }

    private void At(VisitView visit, int minutesAfterStart) => system.Clock.Freeze(TestDates.Of(visit.Date, visit.StartTime, minutesAfterStart));
}
