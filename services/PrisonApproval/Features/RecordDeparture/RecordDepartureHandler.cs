using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.InFlight;
using Visitation.PrisonApproval.Features.Register;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.RecordDeparture;

/// <summary>
/// A transfer or release stops every visit from the day the inmate left: pending applications are
/// refused and booked visits cancelled, in the same transaction. A return makes visits possible again.
/// </summary>
public sealed class RecordDepartureHandler(PrisonApprovalDbContext db, InmateViews views, AffectedWork affected, TimeProvider clock)
{
    public async Task<InmateView> HandleAsync(RecordDepartureRequest request, Caller caller, CancellationToken ct)
    {
        var (custody, on) = Validate(request);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inmate = await views.LoadLockedAsync(caller, request.InmateNumber, ct);
        var now = ChinaTime.Now(clock);
        inmate.Custody = custody;
        inmate.UpdatedAt = now;
        db.Audit(caller, AuditEvent.InmateDepartureRecorded, inmate.Audited(), outcome: custody.ToString());
        if (custody == CustodyStatus.InCustody)
        {
            // Back (e.g. transferred back): visits from now on are judged afresh; nothing to cancel.
            inmate.LeftOn = null;
            inmate.TransferredTo = null;
            return await views.CommitAsync(inmate, transaction, ct);
        }

        inmate.LeftOn = on;
        inmate.TransferredTo = custody == CustodyStatus.Transferred ? request.TransferredTo.Trim() : null;
        await db.SaveChangesAsync(ct);
        var (code, reason) = custody == CustodyStatus.Released
            ? (RuleCodes.InmateReleased, "服刑人员已离开本监狱（刑满释放或其他原因），会见取消。")
            : (RuleCodes.InmateTransferred, "服刑人员已调往其他监狱，本次会见取消，请向其现所在监狱申请。");
        await affected.InmateChangedAsync(inmate, new Stop(on, null, code, reason, caller.UserId, now), ct);
        return await views.CommitAsync(inmate, transaction, ct);
    }

    private static (CustodyStatus Custody, DateOnly On) Validate(RecordDepartureRequest request)
    {
        var violations = new FieldViolations();
        var on = violations.Date("on", request.On);
        CustodyStatus? custody = request.Kind switch
        {
            DepartureKind.Transferred => CustodyStatus.Transferred,
            DepartureKind.Released => CustodyStatus.Released,
            DepartureKind.Returned => CustodyStatus.InCustody,
            _ => null,
        };
        if (custody is null)
        {
            violations.Add("kind", "必填，且须为 TRANSFERRED、RELEASED 或 RETURNED");
        }

        if (custody == CustodyStatus.Transferred)
        {
            violations.Required("transferred_to", request.TransferredTo);
        }

        violations.ThrowIfAny();
        return (custody!.Value, on!.Value);
    }
}
