using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Reviewing;
using ReviewStatus = Visitation.Rules.Reviewing.ReviewStatus;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.Decide;

/// <summary>
/// The visit centre's decision. Approval first finds the inmate in the register, then runs the
/// rules engine over everything the prison knows; any broken rule turns the approval into a
/// recorded refusal listing every reason. Approving confirms first-time visitors into the
/// relatives register and books the visit into the month's quota ledger.
/// </summary>
public sealed class ApprovalDecisionHandler(PrisonApprovalDbContext db, InmateFacts facts, ApprovalOutcomes outcomes, TimeProvider clock)
{
    public async Task<Decision> ApproveAsync(PrisonApproveRequest request, Caller caller, CancellationToken ct)
    {
        var approval = await LoadAsync(request.ApplicationId, caller, ct);
        if (approval.IsRepeatOf(ReviewStatus.Approved))
        {
            return Decisions.Recorded(approval);
        }

        // The rules judge, and scheduling books, the visitors who remain (docs/visitor-refusal-and-no-shows.md).
        var removal = VisitorRemovalRequest.Of(approval, request.RemoveVisitors);
        var now = ChinaTime.Now(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var found = await FindInmateAsync(approval, request.InmateNumber, ct);
        if (found is null)
        {
            return await CommitAsync(outcomes.Refuse(approval, [ApprovalOutcomes.InmateNotFound], caller.UserId, now), approval, caller, transaction, ct);
        }

        var inmate = await facts.LockAndLoadAsync(found.Id, ct);
        var records = await facts.RecordsAsync([(inmate, removal.Remaining)], ct);
        var judgement = facts.Judge(inmate, removal.Remaining, records, request.UseExtraVisitApproval, request.UseLongerVisitApproval);
        var decision = judgement.Result.Eligible
            ? outcomes.Approve(approval, inmate, judgement, records, removal, caller.UserId, now)
            : outcomes.Refuse(approval, judgement.Result.Failures, caller.UserId, now);
        return await CommitAsync(decision, approval, caller, transaction, ct);
    }

    public async Task<Decision> RejectAsync(PrisonRejectRequest request, Caller caller, CancellationToken ct)
    {
        Decisions.ValidateRejection(request.ApplicationId, request.ReasonCode, request.Reason);
        var approval = await LoadAsync(request.ApplicationId, caller, ct);
        if (approval.IsRepeatOf(ReviewStatus.Rejected))
        {
            return Decisions.Recorded(approval);
        }

        var decision = outcomes.Refuse(approval, [new RuleFailure(request.ReasonCode, request.Reason.Trim(), "")], caller.UserId, ChinaTime.Now(clock));
        Audit(approval, caller);
        await db.SaveChangesAsync(ct);
        return decision;
    }

    private async Task<Decision> CommitAsync(Decision decision, Approval approval, Caller caller, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct)
    {
        Audit(approval, caller);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return decision;
    }

    /// <summary>
    /// The decision as it was recorded: an approval, or a refusal (by the officer or by the rules) with its
    /// first reason code. An approval without some visitors says which and why by position and code
    /// ("approved_without:1=visitor_barred"), never by name.
    /// </summary>
    private void Audit(Approval approval, Caller caller)
    {
        var approved = approval.Status == ReviewStatus.Approved;
        var outcome = approved ? Decisions.ApprovedOutcome(approval) : "rejected";
        db.Audit(caller, approved ? AuditEvent.ApprovalApproved : AuditEvent.ApprovalRejected, approval.Audited(),
            reason: approval.ReasonCode, outcome: outcome);
    }

    private async Task<Inmate?> FindInmateAsync(Approval approval, string inmateNumber, CancellationToken ct)
    {
        var inPrison = db.Inmates.AsNoTracking().Where(i => i.PrisonId == approval.PrisonId);
        if (!string.IsNullOrWhiteSpace(inmateNumber))
        {
            var chosen = await inPrison.SingleOrDefaultAsync(i => i.InmateNumber == inmateNumber.Trim(), ct);
            return chosen is not null && chosen.Name == approval.Application.InmateName
                ? chosen
                : throw GrpcErrors.InvalidArgument([new Google.Rpc.BadRequest.Types.FieldViolation { Field = "inmate_number", Description = "该编号不是申请所列服刑人员" }]);
        }

        var matches = await InmateMatching.Candidates(inPrison, approval.Application).Take(2).ToListAsync(ct);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw GrpcErrors.InvalidArgument([new Google.Rpc.BadRequest.Types.FieldViolation { Field = "inmate_number", Description = "名册中有同名服刑人员，请指定罪犯编号" }]),
        };
    }

    private async Task<Approval> LoadAsync(string applicationId, Caller caller, CancellationToken ct)
    {
        // Another prison's application is answered exactly as an unknown one: the same query finds neither.
        return await db.Approvals.Where(a => caller.Organisations.Contains(a.PrisonId)).ForDecisionAsync(applicationId, "审批任务", ct);
    }
}
