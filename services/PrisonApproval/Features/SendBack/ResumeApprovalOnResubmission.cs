using Visitation.PrisonApproval.Data;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Audit;
using Visitation.Workflow.Reviewing;

namespace Visitation.PrisonApproval.Features.SendBack;

/// <summary>The office handed in what the visit centre asked for: the approval is pending again, its clock resumed.</summary>
public sealed class ResumeApprovalOnResubmission(PrisonApprovalDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : ResumeOnResubmission<Approval, PrisonApprovalDbContext>(db, reference, clock)
{
    protected override ReviewStage Stage => ReviewStage.Prison;

    protected override AuditEvent ResumedEvent => AuditEvent.ApprovalResumed;
}
