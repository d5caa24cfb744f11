using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.ServiceDefaults.ReferenceData;
using Visitation.ServiceDefaults.Time;

namespace Visitation.PrisonApproval.Features.Decide;

/// <summary>
/// The visit centre's decision. Approval first checks the inmate against the prison's register:
/// an inmate the register does not know is a recorded rejection with a reason, not an error.
/// </summary>
public sealed class ApprovalDecisionHandler(PrisonApprovalDbContext db, ReferenceDataSet reference, TimeProvider clock)
{
    public const string InmateNotFound = "INMATE_NOT_FOUND";

    public async Task<Decision> ApproveAsync(PrisonApproveRequest request, Caller caller, CancellationToken ct)
    {
        var approval = await LoadAsync(request.ApplicationId, caller, ct);
        if (approval.Status != ApprovalStatus.Pending)
        {
            return RecordedOrConflict(approval, wantApproved: true);
        }

        var now = ChinaTime.Now(clock);
        var inmate = await FindInmateAsync(approval, request.InmateNumber, ct);
        if (inmate is null)
        {
            return await RejectAsync(approval, caller, InmateNotFound, "监狱罪犯名册中未查到该服刑人员，请核实姓名和所在监狱", now, ct);
        }

        var policy = reference.PolicyFor(approval.PrisonId);
        approval.Status = ApprovalStatus.Approved;
        approval.InmateNumber = inmate.InmateNumber;
        approval.DecidedBy = caller.UserId;
        approval.DecidedAt = now;
        db.Publish(new PrisonApproved(
            approval.Application,
            inmate.InmateNumber,
            inmate.Area,
            inmate.Juvenile,
            inmate.Juvenile && policy.JuvenileVisitMinutes is { } juvenileMinutes ? juvenileMinutes : policy.VisitMinutes,
            policy.AdvanceDays,
            caller.UserId,
            now), now);
        await db.SaveChangesAsync(ct);
        return Decisions.Approved(caller.UserId, now);
    }

    public async Task<Decision> RejectAsync(PrisonRejectRequest request, Caller caller, CancellationToken ct)
    {
        Decisions.ValidateRejection(request.ApplicationId, request.ReasonCode, request.Reason);
        var approval = await LoadAsync(request.ApplicationId, caller, ct);
        if (approval.Status != ApprovalStatus.Pending)
        {
            return RecordedOrConflict(approval, wantApproved: false);
        }

        return await RejectAsync(approval, caller, request.ReasonCode, request.Reason.Trim(), ChinaTime.Now(clock), ct);
    }

    private async Task<Decision> RejectAsync(Approval approval, Caller caller, string reasonCode, string reason, DateTimeOffset now, CancellationToken ct)
    {
        approval.Status = ApprovalStatus.Rejected;
        approval.DecidedBy = caller.UserId;
        approval.DecidedAt = now;
        approval.ReasonCode = reasonCode;
        approval.Reason = reason;
        db.Publish(new PrisonRejected(approval.ApplicationId, approval.PrisonId, reasonCode, reason, caller.UserId, now), now);
        await db.SaveChangesAsync(ct);
        return Decisions.Rejected(reasonCode, reason, caller.UserId, now);
    }

    private async Task<Inmate?> FindInmateAsync(Approval approval, string inmateNumber, CancellationToken ct)
    {
        var inPrison = db.Inmates.Where(i => i.PrisonId == approval.PrisonId);
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
        if (approval.Status == ApprovalStatus.Withdrawn)
        {
            throw GrpcErrors.FailedPrecondition("家属已撤回该申请");
        }

        var approved = approval.Status == ApprovalStatus.Approved;
        if (approved != wantApproved)
        {
            throw GrpcErrors.FailedPrecondition("该申请已作出其他审批决定");
        }

        return approved
            ? Decisions.Approved(approval.DecidedBy!, approval.DecidedAt!.Value)
            : Decisions.Rejected(approval.ReasonCode!, approval.Reason!, approval.DecidedBy!, approval.DecidedAt!.Value);
    }
}
