using Npgsql;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// Issue 3, fault test 1: bureau-review runs as its own process. It approves three applications —
/// committed, but (the test holds the outbox's dispatch lock, as a second instance would) not yet
/// published — and is killed with SIGKILL. A new process on the same database publishes what the
/// dead one committed, and all three applications complete their chain.
/// </summary>
public sealed class ProcessKillTests(VisitationSystem system) : FaultTest(system)
{
    private const int Applications = 3;

    [Fact]
    public async Task EventsCommittedByAKilledProcessArePublishedAfterRestart()
    {
        var chain = new ChainDriver(Services);
        var families = NewFamilies(Applications);
        var inmates = families.Select(f => "断电" + f.Phone[^4..]).ToArray();
        var database = Services.Databases["bureau_review"];
        var reviewerToken = VisitationSystem.Token(Roles.Reviewer, Orgs.County, "reviewer-zhao");
        await Services.StopAsync("bureau_review");
        try
        {
            var ids = new List<string>();
            await using (var first = await ServiceProcess.StartAsync("BureauReview", Services.SettingsOf("bureau_review")))
            {
                var reviewer = new BureauReviewService.BureauReviewServiceClient(first.Channel(reviewerToken));
                foreach (var (family, inmate) in families.Zip(inmates))
                {
                    await chain.ImportInmateAsync("YJ" + family.Phone[^6..], inmate, "2");
                    ids.Add(await chain.SubmitAsync(family.Application(inmate, "2")));
                }

                await Eventually.Until(async () => await reviewer.ListPendingReviewsAsync(new ListPendingReviewsRequest { Page = new() { PageSize = 200 } }),
                    r => ids.All(id => r.Tasks.Any(t => t.ApplicationId == id)), "the review tasks in the bureau process");

                await using var dispatchLock = await OutboxRows.HoldDispatchLockAsync(database);
                foreach (var id in ids)
                {
                    Assert.True((await reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id })).Approved);
                }

                Assert.Equal(Applications, await OutboxRows.UnsentAsync(database));
                await first.KillAsync();
            }

            // The process is dead and the lock released: nobody has published the approvals.
            await Task.Delay(1000);
            Assert.Equal(Applications, await OutboxRows.UnsentAsync(database));

            await using var second = await ServiceProcess.StartAsync("BureauReview", Services.SettingsOf("bureau_review"));
            await Eventually.Until(() => OutboxRows.UnsentAsync(database), n => n == 0, "the restarted process to publish the approvals");
            foreach (var id in ids)
            {
                await chain.WaitForPrisonTaskAsync(id);
                await chain.Officer.ApproveApplicationAsync(new Contracts.Grpc.PrisonApproval.PrisonApproveRequest { ApplicationId = id });
                var visit = await chain.WaitForProposalAsync(id);
                await chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = visit.VisitId });
                await chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
            }

            foreach (var family in families)
            {
                Assert.Equal(2, (await Services.SmsTo(family.Phone)).Count);
            }
        }
        finally
        {
            Services.StartInstances("bureau_review");
        }
    }

}
