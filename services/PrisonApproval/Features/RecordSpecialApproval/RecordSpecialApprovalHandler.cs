using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.PrisonApproval.Features.Register;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.RecordSpecialApproval;

/// <summary>
/// An extra or a longer visit approved on paper for a family event ([Y 四2], [N§5 ¶3]), entered with
/// every level that signed; only the levels of the province's approval chain are accepted.
/// </summary>
public sealed class RecordSpecialApprovalHandler(PrisonApprovalDbContext db, InmateViews views, InmateFacts facts, TimeProvider clock)
{
    public async Task<InmateView> HandleAsync(RecordSpecialApprovalRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var kind = violations.Code("kind", request.Kind);
        var month = violations.Month("month", request.Month);
        if (request.ApprovedBy.Count == 0)
        {
            violations.Add("approved_by", "至少需要一级审批");
        }

        var levels = violations.Codes("approved_by", request.ApprovedBy);
        violations.Required("signatories", request.Signatories);
        violations.Required("reason", request.Reason);
        violations.ThrowIfAny();
        var inmate = await views.LoadAsync(caller, request.InmateNumber, ct);
        RequireInChain(levels, facts.PolicyOf(inmate).ExtraVisitApprovalChain);
        db.Audit(caller, AuditEvent.SpecialApprovalRecorded, inmate.Audited(), reason: kind);
        db.SpecialApprovals.Add(new SpecialApprovalRecord
        {
            Id = Guid.CreateVersion7(),
            InmateId = inmate.Id,
            Kind = kind!,
            Month = VisitMonth.Of(month!.Value).Key,
            ApprovedBy = [.. levels.Distinct()],
            Signatories = request.Signatories.Trim(),
            Reason = request.Reason.Trim(),
            RecordedBy = caller.UserId,
            RecordedAt = ChinaTime.Now(clock),
        });
        await db.SaveChangesAsync(ct);
        return await views.ViewAsync(inmate, VisitMonth.Of(month.Value), ct);
    }

    /// <summary>A level the province does not have would make the approval look complete when it is not.</summary>
    private static void RequireInChain(List<string> levels, IReadOnlyList<string> chain)
    {
        var unknown = levels.Where(level => !chain.Contains(level)).ToList();
        if (unknown.Count > 0)
        {
            throw GrpcErrors.InvalidArgument([new Google.Rpc.BadRequest.Types.FieldViolation
            {
                Field = "approved_by",
                Description = $"本省审批层级为 {string.Join(" → ", chain)}，未知：{string.Join("、", unknown)}",
            }]);
        }
    }
}
