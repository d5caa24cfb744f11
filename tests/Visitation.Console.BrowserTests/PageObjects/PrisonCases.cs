using System.Diagnostics;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>
/// What reaches the visit centre before the officer's pages: the family's inmate in the prison's
/// register, their application filed at the counter and approved by the county bureau — done over
/// gRPC by machine clients of the clerk's office, the bureau and the prison (the clerk's and
/// reviewer's own pages have their own tests), so the officer's test starts where their work starts.
/// </summary>
internal sealed class PrisonCases(ConsoleSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Registers the inmate, files the application (changed first by <paramref name="amend"/>, e.g. another
    /// visitor) and has the bureau approve it; returns the application id once it is in the prison's queue.
    /// </summary>
    public async Task<string> BureauApprovedAsync(Family family, Action<SubmitApplicationRequest>? amend = null)
    {
        var id = await InBureauQueueAsync(family, amend);
        var bureau = new BureauReviewService.BureauReviewServiceClient(await system.Machines.AsAsync(system, "BureauReview", "bureau-review", "reviewer", Orgs.Bureau));
        var approved = await bureau.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id, Note = "材料齐全" });
        Assert.True(approved.Approved, $"the bureau did not approve {id}: {approved.ReasonCode}");
        var register = new PrisonApprovalService.PrisonApprovalServiceClient(await system.Machines.AsAsync(system, "PrisonApproval", "prison-approval", "officer", Orgs.Prison));
        await UntilAsync($"{id} in the prison's queue", async () =>
            (await register.ListPendingApprovalsAsync(new ListPendingApprovalsRequest { Page = new PageRequest { PageSize = 200 } })).Tasks.Any(t => t.ApplicationId == id));
        return id;
    }

    /// <summary>
    /// Registers the inmate and files the application (changed first by <paramref name="amend"/>); returns its id once it
    /// is in the county bureau's queue, where the reviewer's pages start.
    /// </summary>
    public async Task<string> InBureauQueueAsync(Family family, Action<SubmitApplicationRequest>? amend = null)
    {
        ArgumentNullException.ThrowIfNull(family);
        var register = new PrisonApprovalService.PrisonApprovalServiceClient(await system.Machines.AsAsync(system, "PrisonApproval", "prison-approval", "officer", Orgs.Prison));
        await register.ImportInmatesAsync(family.Register());
        var clerk = new ApplicationService.ApplicationServiceClient(await system.Machines.AsAsync(system, "Application", "application", "clerk", Orgs.Office));
        var submission = family.Submission();
        amend?.Invoke(submission);
        var filed = await clerk.SubmitApplicationAsync(submission);
        var bureau = new BureauReviewService.BureauReviewServiceClient(await system.Machines.AsAsync(system, "BureauReview", "bureau-review", "reviewer", Orgs.Bureau));
        await UntilAsync($"{filed.ApplicationId} in the bureau's queue", async () =>
            (await bureau.ListPendingReviewsAsync(new ListPendingReviewsRequest { Page = new PageRequest { PageSize = 200 } })).Tasks.Any(t => t.ApplicationId == filed.ApplicationId));
        return filed.ApplicationId;
    }

    /// <summary>The venue's agenda for a day, as the venue's side reads it (its bureau's machine client reads the same agenda).</summary>
    public async Task<IReadOnlyList<VisitView>> VenueAgendaAsync(string date)
    {
        var agenda = new SchedulingService.SchedulingServiceClient(await system.Machines.AsAsync(system, "Scheduling", "scheduling", "reviewer", Orgs.Bureau));
        return (await agenda.GetVenueAgendaAsync(new GetVenueAgendaRequest { DateFrom = date, DateTo = date })).Visits;
    }

    /// <summary>Asks again until <paramref name="condition"/> holds: the chain between services is asynchronous (RabbitMQ).</summary>
    private static async Task UntilAsync(string what, Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Patience, $"waited {Patience.TotalSeconds:0} s for {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
