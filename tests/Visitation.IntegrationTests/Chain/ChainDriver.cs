using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// The clerk, reviewer and officer of one run, acting through the real gRPC APIs: Yongji's unless other
/// organisations are named (an office, its county bureau, a prison — e.g. the Ningxia example ones).
/// </summary>
public sealed class ChainDriver(VisitationSystem system, string office = Orgs.Office, string county = Orgs.County, string prison = Orgs.Prison)
{
    public ApplicationService.ApplicationServiceClient Clerk { get; } = system.Applications(VisitationSystem.Token(Roles.Clerk, office, "clerk-li"));
    public BureauReviewService.BureauReviewServiceClient Reviewer { get; } = system.BureauReview(VisitationSystem.Token(Roles.Reviewer, county, "reviewer-zhao"));
    public PrisonApprovalService.PrisonApprovalServiceClient Officer { get; } = system.PrisonApproval(VisitationSystem.Token(Roles.Officer, prison, "officer-sun"));
    /// <summary>The prison's director, who records the special approvals the prison's chain signed.</summary>
    public PrisonApprovalService.PrisonApprovalServiceClient Director { get; } = system.PrisonApproval(VisitationSystem.Token(Roles.Director, prison, "director-zhou"));
    public SchedulingService.SchedulingServiceClient VisitCentre { get; } = system.Scheduling(VisitationSystem.Token(Roles.Officer, prison, "officer-sun"));
    public SchedulingService.SchedulingServiceClient CountyAgenda { get; } = system.Scheduling(VisitationSystem.Token(Roles.Reviewer, county, "reviewer-zhao"));

    public async Task ImportInmateAsync(string number, string name, string area, ManagementLevel level = ManagementLevel.Normal, bool juvenile = false) =>
        await Officer.ImportInmatesAsync(new ImportInmatesRequest
        {
            Inmates = { new InmateRecord { InmateNumber = number, Name = name, PrisonArea = area, ManagementLevel = level, Juvenile = juvenile } },
        });

    public async Task<string> SubmitAsync(SubmitApplicationRequest request) =>
        (await Clerk.SubmitApplicationAsync(request)).ApplicationId;

    public Task WaitForBureauTaskAsync(string applicationId) =>
        Eventually.Until(() => Reviewer.AllPendingReviewsAsync(), tasks => tasks.Any(t => t.ApplicationId == applicationId), $"review task of {applicationId}");

    public Task WaitForPrisonTaskAsync(string applicationId) =>
        Eventually.Until(() => Officer.AllPendingApprovalsAsync(), tasks => tasks.Any(t => t.ApplicationId == applicationId), $"prison task of {applicationId}");

    public async Task<VisitView> WaitForProposalAsync(string applicationId)
    {
        var proposals = await Eventually.Until(() => VisitCentre.AllProposalsAsync(), all => all.Any(v => v.ApplicationId == applicationId), $"proposal for {applicationId}");
        return proposals.Single(v => v.ApplicationId == applicationId);
    }

    /// <summary>Submits an application and has the bureau approve it, up to the visit centre's task list.</summary>
    public async Task<string> DriveToPrisonTaskAsync(SubmitApplicationRequest request)
    {
        var id = await SubmitAsync(request);
        await WaitForBureauTaskAsync(id);
        Assert.True((await Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id })).Approved);
        await WaitForPrisonTaskAsync(id);
        return id;
    }

    /// <summary>
    /// Takes a new application for a registered inmate through both approvals to its proposed slot;
    /// <paramref name="amend"/> may change the submission first (e.g. the family's preferences).
    /// </summary>
    public async Task<(string ApplicationId, VisitView Proposal)> DriveToProposalAsync(Family family, string inmate, string area = "3", Action<SubmitApplicationRequest>? amend = null)
    {
        await ImportInmateAsync(family.InmateNumber, inmate, area);
        var request = family.Application(inmate, area);
        amend?.Invoke(request);
        var id = await SubmitAsync(request);
        await WaitForBureauTaskAsync(id);
        var bureau = await Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id, Note = "材料齐全" });
        Assert.True(bureau.Approved);
        await WaitForPrisonTaskAsync(id);
        var prison = await Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });
        Assert.True(prison.Approved);
        return (id, await WaitForProposalAsync(id));
    }

    /// <summary>Waits until the application is in its final state and the SMS for it has been recorded.</summary>
    public Task<ApplicationView> WaitForOutcomeAsync(string applicationId, ApplicationStatus status, int smsCount) =>
        Eventually.Until(async () => await Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = applicationId }),
            a => a.Status == status && a.Timeline.Count(t => t.Event == TimelineEvent.SmsSent) == smsCount,
            $"{applicationId} to reach {status} with {smsCount} SMS");

    /// <summary>
    /// Waits for the application's workflow steps (SMS left out) to be exactly <paramref name="events"/>.
    /// The status can run ahead of a step: a timeline consumer that lost a race for the application's
    /// row is retried, and its step lands a moment after a later one moved the status on.
    /// </summary>
    public Task<ApplicationView> WaitForTimelineAsync(string applicationId, params TimelineEvent[] events) =>
        Eventually.Until(async () => await Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = applicationId }),
            a => a.Timeline.Where(t => t.Event is not (TimelineEvent.SmsSent or TimelineEvent.SmsDelivered)).Select(t => t.Event).SequenceEqual(events),
            $"{applicationId}'s timeline to be {string.Join(", ", events)}");

    /// <summary>The application once its timeline has a step of <paramref name="step"/>.</summary>
    public Task<ApplicationView> WaitForTimelineStepAsync(string applicationId, TimelineEvent step) =>
        Eventually.Until(async () => await Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = applicationId }),
            a => a.Timeline.Any(t => t.Event == step), $"{applicationId}'s timeline to have {step}");
}
