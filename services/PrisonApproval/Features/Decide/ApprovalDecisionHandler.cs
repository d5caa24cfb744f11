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
        if (approval.Status != ApprovalStatus.Pending)
        {
            return RecordedOrConflict(approval, wantApproved: true);
        }

        var now = ChinaTime.Now(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var found = await FindInmateAsync(approval, request.InmateNumber, ct);
        if (found is null)
        {
            return await CommitAsync(outcomes.Refuse(approval, [ApprovalOutcomes.InmateNotFound], caller.UserId, now), transaction, ct);
        }

        var inmate = await facts.LockAndLoadAsync(found.Id, ct);
        var judgement = await facts.JudgeAsync(inmate, approval.Application, request.UseExtraVisitApproval, ct, request.UseLongerVisitApproval);
        var decision = judgement.Result.Eligible
            ? await outcomes.ApproveAsync(approval, inmate, judgement, caller.UserId, now, ct)
            : outcomes.Refuse(approval, judgement.Result.Failures, caller.UserId, now);
        return await CommitAsync(decision, transaction, ct);
    }

    public async Task<Decision> RejectAsync(PrisonRejectRequest request, Caller caller, CancellationToken ct)
    {
        Decisions.ValidateRejection(request.ApplicationId, request.ReasonCode, request.Reason);
        var approval = await LoadAsync(request.ApplicationId, caller, ct);
        if (approval.Status != ApprovalStatus.Pending)
        {
            return RecordedOrConflict(approval, wantApproved: false);
        }

        var decision = outcomes.Refuse(approval, [new RuleFailure(request.ReasonCode, request.Reason.Trim(), "")], caller.UserId, ChinaTime.Now(clock));
        await db.SaveChangesAsync(ct);
        return decision;
    }

    private async Task<Decision> CommitAsync(Decision decision, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return decision;
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
        caller.Require(Roles.Officer);
        var id = Ids.Parse(applicationId, "application_id");
        var approval = await db.Approvals.SingleOrDefaultAsync(a => a.ApplicationId == id, ct)
            ?? throw GrpcErrors.NotFound("审批任务", applicationId);
        caller.RequireOrganisation(approval.PrisonId);
        return approval;
    }

    private static Decision RecordedOrConflict(Approval approval, bool wantApproved)
    {
        switch (approval.Status)
        {
            case ApprovalStatus.Withdrawn:
                throw GrpcErrors.FailedPrecondition("家属已撤回该申请");
            case ApprovalStatus.Expired:
                throw GrpcErrors.FailedPrecondition("该申请已超过审核期限而失效");
        }

        var approved = approval.Status == ApprovalStatus.Approved;
        if (approved != wantApproved)
        {
            throw GrpcErrors.FailedPrecondition("该申请已作出其他审批决定");
        }

        if (approved)
        {
            return Decisions.Approved(approval.DecidedBy!, approval.DecidedAt!.Value);
        }

        var recorded = Decisions.Rejected(approval.ReasonCode!, approval.Reason!, approval.DecidedBy!, approval.DecidedAt!.Value);
        recorded.Failures.AddRange(approval.Failures.Select(Decisions.ToView));
        return recorded;
    }
}
