using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Visitation.BureauReview.Data;
using Visitation.BureauReview.Features.Decide;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Rules.Privacy;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Grpc;

namespace Visitation.BureauReview;

/// <summary>The county reviewers' API; a reviewer sees only their own county's applications.</summary>
public sealed class BureauReviewGrpcService(BureauReviewDbContext db, ReviewDecisionHandler decisions)
    : BureauReviewService.BureauReviewServiceBase
{
    public override Task<ListPendingReviewsReply> ListPendingReviews(ListPendingReviewsRequest request, ServerCallContext context) =>
        ListAsync(request.Page.ToPage(), overdue: false, Caller.From(context), context.CancellationToken);

    public override Task<ListPendingReviewsReply> ListOverdueReviews(ListOverdueReviewsRequest request, ServerCallContext context) =>
        ListAsync(request.Page.ToPage(), overdue: true, Caller.From(context), context.CancellationToken);

    private async Task<ListPendingReviewsReply> ListAsync(Page page, bool overdue, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.Reviewer);
        var mine = db.Reviews.AsNoTracking().Where(t => t.CountyId == caller.OrganisationId);
        var tasks = await (overdue
                ? mine.Where(t => t.Status == ReviewStatus.Expired).OrderByDescending(t => t.DecidedAt).ThenBy(t => t.ApplicationId)
                : mine.Where(t => t.Status == ReviewStatus.Pending).OrderBy(t => t.DueBy).ThenBy(t => t.ReceivedAt).ThenBy(t => t.ApplicationId))
            .Skip(page.Offset).Take(page.Size)
            .ToListAsync(ct);
        var reply = new ListPendingReviewsReply { NextPageToken = page.NextToken(tasks.Count) };
        reply.Tasks.AddRange(tasks.Select(ToView));
        return reply;
    }

    public override Task<Decision> ApproveApplication(ApproveReviewRequest request, ServerCallContext context) =>
        decisions.ApproveAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<Decision> RejectApplication(RejectReviewRequest request, ServerCallContext context) =>
        decisions.RejectAsync(request, Caller.From(context), context.CancellationToken);

    private static ReviewTask ToView(Data.Review task)
    {
        var a = task.Application;
        var view = new ReviewTask
        {
            ApplicationId = a.ApplicationId.ToString(),
            OfficeId = a.OfficeId,
            InmateName = a.InmateName,
            PrisonId = a.PrisonId,
            PrisonArea = a.PrisonArea ?? string.Empty,
            VisitMonth = a.VisitMonth,
            VenueId = a.VenueId,
            ReceivedAt = ChinaTime.Format(task.ReceivedAt),
            DueBy = task.DueBy is { } due ? ChinaTime.Format(due) : string.Empty,
        };
        foreach (var v in a.Visitors)
        {
            var visitor = new ReviewVisitor { Name = v.Name, IdNumberMasked = Mask.IdNumber(v.IdNumber), Relation = v.Relation, Age = v.Age };
            visitor.Documents.AddRange(v.Documents);
            view.Visitors.Add(visitor);
        }

        return view;
    }
}
