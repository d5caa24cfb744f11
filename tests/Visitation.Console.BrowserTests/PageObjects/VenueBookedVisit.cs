using System.Globalization;
using Grpc.Core;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>
/// A visit booked at the venue the way the other roles book it, over gRPC with their own tokens
/// (the run's machine clients of the office, the bureau and the prison): the officer registers the inmate, the clerk files the family's
/// application, the reviewer and the officer approve it, the officer confirms the proposed time.
/// </summary>
internal sealed class VenueBookedVisit
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private VenueBookedVisit(Family family, string applicationId, VisitView visit)
    {
        Family = family;
        ApplicationId = applicationId;
        Visit = visit;
    }

    public Family Family { get; }

    public string ApplicationId { get; }

    public VisitView Visit { get; }

    /// <summary>When the visit starts, China time.</summary>
    public DateTimeOffset Start => new(
        DateTime.ParseExact(Visit.Date + " " + Visit.StartTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), ChinaOffset);

    public static async Task<VenueBookedVisit> BookAsync(ConsoleSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var family = Family.New();
        var applications = new ApplicationService.ApplicationServiceClient(await system.Machines.AsAsync(system, "Application", "application", "clerk", Orgs.Office));
        var bureau = new BureauReviewService.BureauReviewServiceClient(await system.Machines.AsAsync(system, "BureauReview", "bureau-review", "reviewer", Orgs.Bureau));
        var prison = new PrisonApprovalService.PrisonApprovalServiceClient(await system.Machines.AsAsync(system, "PrisonApproval", "prison-approval", "officer", Orgs.Prison));
        var centre = new SchedulingService.SchedulingServiceClient(await system.Machines.AsAsync(system, "Scheduling", "scheduling", "officer", Orgs.Prison));

        await prison.ImportInmatesAsync(family.Register());
        var submitted = await applications.SubmitApplicationAsync(family.Submission());
        var id = submitted.ApplicationId;
        // Each approval waits for its task to arrive (the events between the services are asynchronous).
        await Until(async () => await bureau.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id, Note = "材料齐全" }), $"the bureau's task for {id}");
        await Until(async () => await prison.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id }), $"the prison's task for {id}");
        var proposal = await Until(async () => await ProposalOfAsync(centre, id) ?? throw new RpcException(new Status(StatusCode.NotFound, "not proposed yet")), $"the proposal for {id}");
        var visit = await centre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        // Told to the family: the application says scheduled before the test moves scheduling's clock on.
        await Until(async () => (await applications.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id })).Status == ApplicationStatus.Scheduled
            ? true : throw new RpcException(new Status(StatusCode.FailedPrecondition, "not scheduled yet")), $"{id} to be scheduled");
        return new VenueBookedVisit(family, id, visit);
    }

    private static async Task<VisitView?> ProposalOfAsync(SchedulingService.SchedulingServiceClient centre, string applicationId)
    {
        var page = new PageRequest { PageSize = 200 };
        while (true)
        {
            var reply = await centre.ListProposalsAsync(new ListProposalsRequest { Page = page });
            if (reply.Visits.FirstOrDefault(v => v.ApplicationId == applicationId) is { } found)
            {
                return found;
            }

            if (string.IsNullOrEmpty(reply.NextPageToken))
            {
                return null;
            }

            page = new PageRequest { PageSize = 200, PageToken = reply.NextPageToken };
        }
    }

    /// <summary>Retries <paramref name="call"/> while the service says the thing is not there yet, for a minute at most.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> call, string what)
    {
        ArgumentNullException.ThrowIfNull(call);
        var deadline = RealClock.Clock.GetUtcNow().AddSeconds(60);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException error) when (error.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition && RealClock.Clock.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300));
            }
            catch (RpcException error)
            {
                throw new TimeoutException($"waiting for {what}: {error.Status}", error);
            }
        }
    }
}
