using Grpc.Core;
using Visitation.BureauReview.Features.Decide;
using Visitation.BureauReview.Features.ListReviews;
using Visitation.BureauReview.Features.SendBack;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Grpc;

namespace Visitation.BureauReview;

/// <summary>The county reviewers' API, a routing table: each call goes to its use case under Features/.</summary>
public sealed class BureauReviewGrpcService(ListReviewsQuery queue, ReviewDecisionHandler decisions, SendBackHandler sendBacks)
    : BureauReviewService.BureauReviewServiceBase
{
    public override Task<ListPendingReviewsReply> ListPendingReviews(ListPendingReviewsRequest request, ServerCallContext context) =>
        queue.HandleAsync(request.Page.ToPage(), overdue: false, Caller.From(context), context.CancellationToken);

    public override Task<ListPendingReviewsReply> ListOverdueReviews(ListOverdueReviewsRequest request, ServerCallContext context) =>
        queue.HandleAsync(request.Page.ToPage(), overdue: true, Caller.From(context), context.CancellationToken);

    public override Task<Decision> ApproveApplication(ApproveReviewRequest request, ServerCallContext context) =>
        decisions.ApproveAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<Decision> RejectApplication(RejectReviewRequest request, ServerCallContext context) =>
        decisions.RejectAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<Decision> SendBackApplication(SendBackReviewRequest request, ServerCallContext context) =>
        sendBacks.HandleAsync(request, Caller.From(context), context.CancellationToken);
}
