using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Messaging.Audit;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Audit;

/// <summary>
/// Every call that returns personal data writes one row on the reads chain (kept three years) with
/// the caller and the purpose, committed before the answer. Each read is made by a user of its own,
/// so that a list's row, which names no record, is found by who asked.
/// </summary>
public sealed class ReadsAuditTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task EveryReadOfPersonalDataWritesOneReadsRowWithTheCallerAndItsPurpose()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "审计阅" + family.Phone[^4..];
        var (id, proposal) = await _chain.DriveToProposalAsync(family, inmate);
        var visit = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
        var (clerk, reviewer, officer, venue) = (AuditedActor.Fresh(Roles.Clerk, Orgs.Office), AuditedActor.Fresh(Roles.Reviewer, Orgs.County),
            AuditedActor.Fresh(Roles.Officer, Orgs.Prison), AuditedActor.Fresh(Roles.VenueStaff, Orgs.Venue));

        var applications = system.Applications(clerk.Token());
        await applications.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id });
        await applications.ListApplicationsAsync(new ListApplicationsRequest());
        await system.Notification(clerk.Token()).ListMessagesAsync(new ListMessagesRequest { ApplicationId = id });
        await system.PrisonApproval(clerk.Token()).CheckEligibilityAsync(CounterQuestions.For(family.Application(inmate), family.InmateNumber));
        await system.BureauReview(reviewer.Token()).ListPendingReviewsAsync(new ListPendingReviewsRequest());
        var prison = system.PrisonApproval(officer.Token());
        await prison.ListPendingApprovalsAsync(new ListPendingApprovalsRequest());
        await prison.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber });
        var visitCentre = system.Scheduling(officer.Token());
        await visitCentre.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId });
        await visitCentre.ListProposalsAsync(new ListProposalsRequest());
        await system.Scheduling(venue.Token()).GetVenueAgendaAsync(new GetVenueAgendaRequest { DateFrom = visit.Date, DateTo = visit.Date });

        var inmateId = await AuditRows.InmateIdAsync(system.Databases["prison_approval"], family.InmateNumber);
        var rows = new List<AuditRow>
        {
            await ReadAsync("application", "ApplicationRead", id, clerk, "case_handling"),
            await ReadAsync("application", "ApplicationsSearched", null, clerk, "work_queue"),
            await ReadAsync("notification", "MessagesListed", id, clerk, "message_follow_up"),
            await ReadAsync("prison_approval", "EligibilityQueried", Orgs.Prison, clerk, "counter_application"),
            await ReadAsync("bureau_review", "ReviewsListed", null, reviewer, "work_queue"),
            await ReadAsync("prison_approval", "ApprovalsListed", null, officer, "work_queue"),
            await ReadAsync("prison_approval", "InmateRead", inmateId, officer, "case_handling"),
            await ReadAsync("scheduling", "VisitRead", visit.VisitId, officer, "case_handling"),
            await ReadAsync("scheduling", "ProposalsListed", null, officer, "work_queue"),
            await ReadAsync("scheduling", "AgendaRead", null, venue, "visit_day"),
        };

        // A list's outcome is how many rows it returned, the eligibility question's the answer given: never what they held.
        Assert.All(rows.Where(row => row.RecordId is null), row => Assert.StartsWith("rows:", row.Outcome, StringComparison.Ordinal));
        Assert.Equal("ContactPrison", rows[3].Outcome); // the month's visit is booked: the counter is sent to the prison
        AuditRows.AssertNoPersonalData(rows, inmate, family.InmateNumber, family.Phone, family.Application(inmate).Visitors[0].Name);
    }

    private async Task<AuditRow> ReadAsync(string service, string eventType, string? recordId, AuditedActor caller, string purpose)
    {
        var row = await AuditRows.SingleByAsync(system, service, eventType, recordId, caller, AuditChain.Reads);
        Assert.Equal(purpose, row.Purpose);
        return row;
    }
}
