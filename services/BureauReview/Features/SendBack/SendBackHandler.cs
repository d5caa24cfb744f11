using Visitation.BureauReview.Data;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;
using Visitation.Workflow.Reviewing;

namespace Visitation.BureauReview.Features.SendBack;

/// <summary>
/// The reviewer sends an application back to its office for more material (退回补正, docs/send-back.md);
/// the office gets the bureau's own province's time to hand it in, as the bureau's deadline is its own.
/// </summary>
public sealed class SendBackHandler(BureauReviewDbContext db, ReferenceDataSet reference, TimeProvider clock)
{
    public async Task<Decision> HandleAsync(SendBackReviewRequest request, Caller caller, CancellationToken ct)
    {
        var missing = SendBacks.Validate(request.ApplicationId, request.Missing, request.Note);
        // Another bureau's application is answered exactly as an unknown one: the same query finds neither.
        var review = await db.Reviews.Where(r => caller.Organisations.Contains(r.CountyId)).ForDecisionAsync(request.ApplicationId, "复审任务", ct);
        var policy = reference.Policies.For(reference.County(review.CountyId)!.ProvinceId, null);
        return await db.SendBackAsync(review, missing, request.Note, caller, reference, policy, AuditEvent.ReviewSentBack, clock, ct);
    }
}
