using Grpc.Core;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Workflow.Grpc;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// Issue 3, fault test 3: PostgreSQL stops while the bureau's approvals of five filed applications
/// arrive at the prison-approval and application services. Callers meanwhile get UNAVAILABLE, not
/// an unknown error; the consumers wait (transient faults are retried patiently), and once the
/// database is back every approval is applied — five prison tasks, five timelines moved on — all
/// five go on to their scheduled SMS, and nothing about these applications lands in _error.
/// </summary>
public sealed class DatabaseRestartTests(VisitationSystem system) : FaultTest(system)
{
    private const int Applications = 5;

    [Fact]
    public async Task EventsArrivingWhileTheDatabaseIsDownAreAllAppliedOnceItIsBack()
    {
        var chain = new ChainDriver(Services);
        var families = NewFamilies(Applications);
        var requests = families.Select(f => f.Application("停库" + f.Phone[^4..], "4")).ToArray();
        var ids = new List<string>();
        foreach (var (family, request) in families.Zip(requests))
        {
            await chain.ImportInmateAsync("YJ" + family.Phone[^6..], request.Inmate.Name, "4");
            var id = await chain.SubmitAsync(request);
            await chain.WaitForBureauTaskAsync(id);
            ids.Add(id);
        }

        await LocalServers.StopDatabaseAsync();
        try
        {
            // The bureau's approvals, as bureau-review publishes them, reach services whose database is gone.
            for (var i = 0; i < Applications; i++)
            {
                await Services.PublishAsync(new BureauApproved(Details(ids[i], requests[i]), "reviewer-zhao", "停库期间到达", Services.Clock.GetUtcNow()), Guid.NewGuid());
            }

            var refused = await Assert.ThrowsAsync<RpcException>(async () =>
                await chain.Clerk.ListApplicationsAsync(new ListApplicationsRequest()));
            Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
            await Task.Delay(4000); // the approvals are being retried against a database that is not there
        }
        finally
        {
            await LocalServers.StartDatabaseAsync();
        }

        var pending = await Eventually.Until(async () => await chain.Officer.ListPendingApprovalsAsync(new ListPendingApprovalsRequest { Page = new() { PageSize = 200 } }),
            r => ids.All(id => r.Tasks.Any(t => t.ApplicationId == id)), "five prison tasks", seconds: 90);
        Assert.Equal(Applications, pending.Tasks.Count(t => ids.Contains(t.ApplicationId)));
        foreach (var id in ids)
        {
            var application = await Eventually.Until(async () => await chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }),
                a => a.Status == ApplicationStatus.BureauApproved, $"{id}'s timeline to record the approval", seconds: 90);
            Assert.Single(application.Timeline, t => t.Event == TimelineEvent.BureauApproved);
        }

        // And on to the end of the chain: each family gets its received and scheduled SMS, once.
        foreach (var id in ids)
        {
            await chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });
            var visit = await chain.WaitForProposalAsync(id);
            await chain.VisitCentre.ConfirmVisitAsync(new Contracts.Grpc.Scheduling.ConfirmVisitRequest { VisitId = visit.VisitId });
            await chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
        }

        foreach (var family in families)
        {
            Assert.Equal(2, (await Services.SmsTo(family.Phone)).Count);
        }

        Assert.Empty(await Services.FaultsAboutAsync(ids));
    }

    private ApplicationDetails Details(string id, SubmitApplicationRequest request) =>
        new(Guid.Parse(id), Orgs.Office, Orgs.County, request.VenueId, request.Inmate.Name, request.Inmate.PrisonId, request.Inmate.PrisonArea, request.VisitMonth,
            Services.Clock.ChinaToday,
            request.Visitors.Select(v => new VisitorDetails(v.Name, v.IdNumber, ProtoCodes.ToCode(v.Relation), 51, [.. v.Documents.Select(ProtoCodes.ToCode)])).ToList());
}
