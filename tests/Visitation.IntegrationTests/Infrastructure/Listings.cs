using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// Whole work lists, every page of them: the run shares one system, where undecided tasks and
/// unconfirmed proposals of earlier tests pile up, so a test's own item can lie past the first page.
/// </summary>
public static class Listings
{
    public static Task<List<ReviewTask>> AllPendingReviewsAsync(this BureauReviewService.BureauReviewServiceClient reviewer) =>
        AllAsync<ReviewTask>(async page =>
        {
            var reply = await reviewer.ListPendingReviewsAsync(new ListPendingReviewsRequest { Page = page });
            return (reply.Tasks, reply.NextPageToken);
        });

    public static Task<List<ReviewTask>> AllOverdueReviewsAsync(this BureauReviewService.BureauReviewServiceClient reviewer) =>
        AllAsync<ReviewTask>(async page =>
        {
            var reply = await reviewer.ListOverdueReviewsAsync(new ListOverdueReviewsRequest { Page = page });
            return (reply.Tasks, reply.NextPageToken);
        });

    public static Task<List<ApprovalTask>> AllPendingApprovalsAsync(this PrisonApprovalService.PrisonApprovalServiceClient officer) =>
        AllAsync<ApprovalTask>(async page =>
        {
            var reply = await officer.ListPendingApprovalsAsync(new ListPendingApprovalsRequest { Page = page });
            return (reply.Tasks, reply.NextPageToken);
        });

    public static Task<List<ApprovalTask>> AllOverdueApprovalsAsync(this PrisonApprovalService.PrisonApprovalServiceClient officer) =>
        AllAsync<ApprovalTask>(async page =>
        {
            var reply = await officer.ListOverdueApprovalsAsync(new ListOverdueApprovalsRequest { Page = page });
            return (reply.Tasks, reply.NextPageToken);
        });

    public static Task<List<VisitView>> AllProposalsAsync(this SchedulingService.SchedulingServiceClient visitCentre) =>
        AllAsync<VisitView>(async page =>
        {
            var reply = await visitCentre.ListProposalsAsync(new ListProposalsRequest { Page = page });
            return (reply.Visits, reply.NextPageToken);
        });

    public static Task<List<ApplicationSummary>> AllApplicationsAsync(this ApplicationService.ApplicationServiceClient clerk, ApplicationStatus status = ApplicationStatus.Unspecified) =>
        AllAsync<ApplicationSummary>(async page =>
        {
            var reply = await clerk.ListApplicationsAsync(new ListApplicationsRequest { Page = page, Status = status });
            return (reply.Applications, reply.NextPageToken);
        });

    private static async Task<List<T>> AllAsync<T>(Func<PageRequest, Task<(IEnumerable<T> Items, string Next)>> fetch)
    {
        var all = new List<T>();
        var token = string.Empty;
        do
        {
            var (items, next) = await fetch(new PageRequest { PageSize = 200, PageToken = token });
            all.AddRange(items);
            token = next;
        }
        while (token.Length > 0);

        return all;
    }
}
