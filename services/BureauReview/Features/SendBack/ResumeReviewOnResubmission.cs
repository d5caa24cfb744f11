using Visitation.BureauReview.Data;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Audit;
using Visitation.Workflow.Reviewing;

namespace Visitation.BureauReview.Features.SendBack;

/// <summary>The office handed in what the bureau asked for: the review is pending again, its clock resumed.</summary>
public sealed class ResumeReviewOnResubmission(BureauReviewDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : ResumeOnResubmission<Review, BureauReviewDbContext>(db, reference, clock)
{
    protected override ReviewStage Stage => ReviewStage.CountyBureau;

    protected override AuditEvent ResumedEvent => AuditEvent.ReviewResumed;
}
