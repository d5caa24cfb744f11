using Visitation.BureauReview.Data;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Reviewing;
using ReviewStatus = Visitation.Rules.Reviewing.ReviewStatus;
using Visitation.Workflow.Audit;

namespace Visitation.BureauReview.Features.Decide;

/// <summary>
/// The reviewer's decision: recorded with who and why, and announced in the same transaction.
/// Repeating the same decision answers with the recorded one; contradicting it is refused. An approval may leave some
/// visitors out, as the prison's may (<see cref="VisitorRemovalRequest"/>).
/// </summary>
public sealed class ReviewDecisionHandler(BureauReviewDbContext db, TimeProvider clock)
{
    public async Task<Decision> ApproveAsync(ApproveReviewRequest request, Caller caller, CancellationToken ct)
    {
        var review = await LoadAsync(request.ApplicationId, caller, ct);
        if (review.IsRepeatOf(ReviewStatus.Approved))
        {
            return Decisions.Recorded(review);
        }

        // The prison judges, registers and books only the visitors who remain (docs/visitor-refusal-and-no-shows.md).
        var removal = VisitorRemovalRequest.Of(review, request.RemoveVisitors);
        var now = ChinaTime.Now(clock);
        review.Approve(caller.UserId, now, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), removal.Removed);
        db.Publish(new BureauApproved(removal.Remaining, caller.UserId, review.Reason, now), now);
        if (removal.Any)
        {
            db.Publish(new VisitorsRemoved(review.ApplicationId, review.Application.PrisonId, removal.Removed, caller.UserId, now, ByBureau: true), now);
        }

        db.Audit(caller, AuditEvent.ReviewApproved, review.Audited(), outcome: Decisions.ApprovedOutcome(review));
        await db.SaveChangesAsync(ct);
        return Decisions.WithRemovals(Decisions.Approved(caller.UserId, now), review);
    }

    public async Task<Decision> RejectAsync(RejectReviewRequest request, Caller caller, CancellationToken ct)
    {
        Decisions.ValidateRejection(request.ApplicationId, request.ReasonCode, request.Reason);
        var review = await LoadAsync(request.ApplicationId, caller, ct);
        if (review.IsRepeatOf(ReviewStatus.Rejected))
        {
            return Decisions.Recorded(review);
        }

        var now = ChinaTime.Now(clock);
        review.Reject([new RuleFailure(request.ReasonCode, request.Reason.Trim(), "")], caller.UserId, now);
        db.Publish(new BureauRejected(review.ApplicationId, review.CountyId, review.ReasonCode!, review.Reason!, caller.UserId, now), now);
        db.Audit(caller, AuditEvent.ReviewRejected, review.Audited(), reason: review.ReasonCode, outcome: "rejected");
        await db.SaveChangesAsync(ct);
        return Decisions.Recorded(review);
    }

    private async Task<Review> LoadAsync(string applicationId, Caller caller, CancellationToken ct)
    {
        // Another bureau's application is answered exactly as an unknown one: the same query finds neither.
        return await db.Reviews.Where(r => caller.Organisations.Contains(r.CountyId)).ForDecisionAsync(applicationId, "复审任务", ct);
    }
}
