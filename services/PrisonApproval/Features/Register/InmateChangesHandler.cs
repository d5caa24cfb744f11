using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.PrisonApproval.Features.InFlight;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Calendars;

namespace Visitation.PrisonApproval.Features.Register;

/// <summary>
/// An officer's changes to one inmate that stop visits: a status (confinement, investigation, ...),
/// its early end, and a transfer or release. Each reaches the work in flight in the same transaction.
/// </summary>
public sealed class InmateChangesHandler(PrisonApprovalDbContext db, InmateViews views, AffectedWork affected, TimeProvider clock)
{
    public async Task<InmateView> GetAsync(GetInmateRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var month = string.IsNullOrEmpty(request.Month) ? null : violations.Month("month", request.Month);
        violations.ThrowIfAny();
        var inmate = await views.LoadAsync(caller, request.InmateNumber, ct);
        return await views.ViewAsync(inmate, month is { } first ? VisitMonth.Of(first) : null, ct);
    }

    public async Task<InmateView> SetStatusAsync(SetInmateStatusRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var status = StatusInputs.Validate(request.Status, "status", violations);
        violations.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inmate = await views.LoadLockedAsync(caller, request.InmateNumber, ct);
        var now = ChinaTime.Now(clock);
        inmate.AddStatus(status!, StatusSource.Officer, caller.UserId, now);
        await db.SaveChangesAsync(ct);
        if (Stop.ForStatus(status!, ChinaTime.Today(clock), caller.UserId, now) is { } stop)
        {
            await affected.InmateChangedAsync(inmate, stop, ct);
        }

        return await CommitAsync(inmate, transaction, ct);
    }

    /// <summary>Ends a status early (e.g. confinement lifted): the last day it applies; nothing in flight changes.</summary>
    public async Task<InmateView> EndStatusAsync(EndInmateStatusRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var id = Ids.Parse(request.StatusId, "status_id");
        var lastDay = violations.Date("last_day", request.LastDay);
        violations.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inmate = await views.LoadLockedAsync(caller, request.InmateNumber, ct);
        var status = inmate.Statuses.SingleOrDefault(s => s.Id == id) ?? throw GrpcErrors.NotFound("状态", request.StatusId);
        if (status.Source == StatusSource.Register)
        {
            // The prison's own system owns it: the next import would bring it back whole.
            throw GrpcErrors.FailedPrecondition("该状态来自监狱业务系统，请在业务系统中修改后重新导入");
        }

        if (lastDay < status.From.AddDays(-1) || (status.To is { } to && lastDay > to))
        {
            throw GrpcErrors.InvalidArgument([new Google.Rpc.BadRequest.Types.FieldViolation { Field = "last_day", Description = "只能提前结束，不能延长或早于开始日期" }]);
        }

        status.To = lastDay;
        await db.SaveChangesAsync(ct);
        return await CommitAsync(inmate, transaction, ct);
    }

    public const string Returned = "returned";

    public async Task<InmateView> RecordDepartureAsync(RecordDepartureRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var on = violations.Date("on", request.On);
        var kind = request.Kind switch
        {
            Departure.Transferred => CustodyStatus.Transferred,
            Departure.Released => CustodyStatus.Released,
            Returned => CustodyStatus.InCustody,
            _ => (CustodyStatus?)null,
        };
        if (kind is null)
        {
            violations.Add("kind", "应为 transferred、released 或 returned");
        }

        if (kind == CustodyStatus.Transferred)
        {
            violations.Required("transferred_to", request.TransferredTo);
        }

        violations.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inmate = await views.LoadLockedAsync(caller, request.InmateNumber, ct);
        var now = ChinaTime.Now(clock);
        inmate.Custody = kind!.Value;
        inmate.UpdatedAt = now;
        if (kind == CustodyStatus.InCustody)
        {
            // Back (e.g. transferred back): visits from now on are judged afresh; nothing to cancel.
            inmate.LeftOn = null;
            inmate.TransferredTo = null;
            return await CommitAsync(inmate, transaction, ct);
        }

        inmate.LeftOn = on;
        inmate.TransferredTo = kind == CustodyStatus.Transferred ? request.TransferredTo.Trim() : null;
        inmate.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        var (code, reason) = kind == CustodyStatus.Released
            ? (RuleCodes.InmateReleased, "服刑人员已离开本监狱（刑满释放或其他原因），会见取消。")
            : (RuleCodes.InmateTransferred, "服刑人员已调往其他监狱，本次会见取消，请向其现所在监狱申请。");
        await affected.InmateChangedAsync(inmate, new Stop(on!.Value, null, code, reason, caller.UserId, now), ct);
        return await CommitAsync(inmate, transaction, ct);
    }

    private async Task<InmateView> CommitAsync(Inmate inmate, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.ViewAsync(inmate, null, ct);
    }
}
