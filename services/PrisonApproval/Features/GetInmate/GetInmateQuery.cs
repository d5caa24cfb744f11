using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Register;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.GetInmate;

/// <summary>One inmate of the caller's prison, with the quota of the month asked for (none: this month).</summary>
public sealed class GetInmateQuery(InmateViews views, PrisonApprovalDbContext db)
{
    public async Task<InmateView> HandleAsync(GetInmateRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var month = string.IsNullOrEmpty(request.Month) ? null : violations.Month("month", request.Month);
        violations.ThrowIfAny();
        var inmate = await views.LoadAsync(caller, request.InmateNumber, ct);
        await db.AuditReadAsync(caller, AuditEvent.InmateRead, inmate.Audited(), AuditPurposes.CaseHandling, ct);
        return await views.ViewAsync(inmate, month is { } first ? VisitMonth.Of(first) : null, ct);
    }
}
