using Microsoft.EntityFrameworkCore;
using Visitation.BureauReview.Data;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Reviewing;

namespace Visitation.BureauReview.Features.Decide;

/// <summary>
/// The reviewer's decision: recorded with who and why, and announced in the same transaction.
/// Repeating the same decision answers with the recorded one; contradicting it is refused.
/// </summary>
public sealed class ReviewDecisionHandler(BureauReviewDbContext db, TimeProvider clock)
{
    public async Task<Decision> ApproveAsync(ApproveReviewRequest request, Caller caller, CancellationToken ct)
    {
        var task = await LoadAsync(request.ApplicationId, caller, ct);
        if (task.Status == ReviewStatus.Approved)
        {
            return Decisions.Approved(task.DecidedBy!, task.DecidedAt!.Value);
        }

        EnsurePending(task);
        var now = ChinaTime.Now(clock);
        Decide(task, ReviewStatus.Approved, caller, now, null, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
        db.Publish(new BureauApproved(task.Application, caller.UserId, task.Reason, now), now);
        await db.SaveChangesAsync(ct);
        return Decisions.Approved(caller.UserId, now);
    }

    public async Task<Decision> RejectAsync(RejectReviewRequest request, Caller caller, CancellationToken ct)
    {
        Decisions.ValidateRejection(request.ApplicationId, request.ReasonCode, request.Reason);
        var task = await LoadAsync(request.ApplicationId, caller, ct);
        if (task.Status == ReviewStatus.Rejected)
        {
            return Decisions.Rejected(task.ReasonCode!, task.Reason!, task.DecidedBy!, task.DecidedAt!.Value);
        }

        EnsurePending(task);
        var now = ChinaTime.Now(clock);
        Decide(task, ReviewStatus.Rejected, caller, now, request.ReasonCode, request.Reason.Trim());
        db.Publish(new BureauRejected(task.ApplicationId, task.CountyId, request.ReasonCode, task.Reason!, caller.UserId, now), now);
        await db.SaveChangesAsync(ct);
        return Decisions.Rejected(request.ReasonCode, task.Reason!, caller.UserId, now);
    }

    private async Task<Review> LoadAsync(string applicationId, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.Reviewer);
        var id = Ids.Parse(applicationId, "application_id");
        var task = await db.Reviews.SingleOrDefaultAsync(t => t.ApplicationId == id, ct)
            ?? throw GrpcErrors.NotFound("复审任务", applicationId);
        caller.RequireOrganisation(task.CountyId);
        return task;
    }

    private static void EnsurePending(Review task)
    {
        if (task.Status == ReviewStatus.Withdrawn)
        {
            throw GrpcErrors.FailedPrecondition("家属已撤回该申请");
        }

        if (task.Status == ReviewStatus.Expired)
        {
            throw GrpcErrors.FailedPrecondition("该申请已超过复审期限而失效");
        }

        if (task.Status != ReviewStatus.Pending)
        {
            throw GrpcErrors.FailedPrecondition("该申请已作出其他复审决定");
        }
    }

    private static void Decide(Review task, ReviewStatus status, Caller caller, DateTimeOffset now, string? reasonCode, string? reason)
    {
        task.Status = status;
        task.DecidedBy = caller.UserId;
        task.DecidedAt = now;
        task.ReasonCode = reasonCode;
        task.Reason = reason;
    }
}
