using Microsoft.EntityFrameworkCore;
using Visitation.BureauReview.Data;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Reviewing;
using Visitation.Workflow.Audit;

namespace Visitation.BureauReview.Features.ListReviews;

/// <summary>The county's review queue: what waits for a reviewer, or what the review clock expired.</summary>
public sealed class ListReviewsQuery(BureauReviewDbContext db)
{
    public async Task<ListPendingReviewsReply> HandleAsync(Page page, bool overdue, Caller caller, CancellationToken ct)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(t => t.CountyId == caller.OrganisationId).QueuePageAsync(overdue, page, ct);
        await db.AuditReadAsync(caller, AuditEvent.ReviewsListed, AuditedRecord.ListBy("review", caller), AuditPurposes.WorkQueue, ct, outcome: $"rows:{reviews.Count}");
        return new ListPendingReviewsReply { NextPageToken = page.NextToken(reviews.Count), Tasks = { reviews.Select(ReviewTaskView.Of) } };
    }
}
