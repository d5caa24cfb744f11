using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;
using Visitation.Workflow.Reviewing;

namespace Visitation.PrisonApproval.Features.SendBack;

/// <summary>
/// The officer sends an application back to its office for more material (退回补正, docs/send-back.md),
/// instead of refusing it; the office gets the prison's province's time to hand it in.
/// </summary>
public sealed class SendBackHandler(PrisonApprovalDbContext db, ReferenceDataSet reference, TimeProvider clock)
{
    public async Task<Decision> HandleAsync(PrisonSendBackRequest request, Caller caller, CancellationToken ct)
    {
        var missing = SendBacks.Validate(request.ApplicationId, request.Missing, request.Note);
        // Another prison's application is answered exactly as an unknown one: the same query finds neither.
        var approval = await db.Approvals.Where(a => caller.Organisations.Contains(a.PrisonId)).ForDecisionAsync(request.ApplicationId, "审批任务", ct);
        return await db.SendBackAsync(approval, missing, request.Note, caller, reference, reference.PolicyFor(approval.PrisonId),
            AuditEvent.ApprovalSentBack, clock, ct);
    }
}
