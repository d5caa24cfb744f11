using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// Issue 3, fault test 2: RabbitMQ stops while four applications stand at different stages, the
/// reviewers and officers keep working (their decisions wait in the outboxes), the broker comes
/// back, and every application completes with exactly its two SMS.
/// </summary>
public sealed class BrokerRestartTests(VisitationSystem system) : FaultTest(system)
{
    [Fact]
    public async Task ApplicationsInFlightAllCompleteAfterTheBrokerRestarts()
    {
        var chain = new ChainDriver(Services);
        var families = NewFamilies(4);
        var inmates = families.Select(f => "断线" + f.Phone[^4..]).ToArray();
        foreach (var (family, inmate) in families.Zip(inmates))
        {
            await chain.ImportInmateAsync("YJ" + family.Phone[^6..], inmate, "11");
        }

        // At the bureau, at the prison, and with a proposal waiting; the fourth is filed during the outage.
        var atBureau = await chain.SubmitAsync(families[0].Application(inmates[0], "11"));
        var atPrison = await chain.SubmitAsync(families[1].Application(inmates[1], "11"));
        await chain.WaitForBureauTaskAsync(atPrison);
        await chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = atPrison });
        var (proposed, proposal) = await chain.DriveToProposalAsync(families[2], inmates[2], area: "11");
        await chain.WaitForBureauTaskAsync(atBureau);
        await chain.WaitForPrisonTaskAsync(atPrison);

        string late;
        await LocalServers.StopBrokerAsync();
        try
        {
            await chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = atBureau });
            await chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = atPrison });
            await chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
            late = await chain.SubmitAsync(families[3].Application(inmates[3], "11"));
            await Task.Delay(2000);
            var waiting = await UnsentEverywhereAsync();
            Assert.True(waiting >= 4, $"only {waiting} events waited in the outboxes while the broker was down");
        }
        finally
        {
            await LocalServers.StartBrokerAsync();
        }

        await chain.WaitForPrisonTaskAsync(atBureau);
        await chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = atBureau });
        await chain.WaitForBureauTaskAsync(late);
        await chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = late });
        await chain.WaitForPrisonTaskAsync(late);
        await chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = late });
        foreach (var id in new[] { atBureau, atPrison, late })
        {
            var visit = await chain.WaitForProposalAsync(id);
            await chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = visit.VisitId });
        }

        foreach (var id in new[] { atBureau, atPrison, proposed, late })
        {
            await chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
        }

        foreach (var family in families)
        {
            Assert.Equal(2, (await Services.SmsTo(family.Phone)).Count);
        }
    }
}
