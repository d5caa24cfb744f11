using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Register;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using StatusSource = Visitation.PrisonApproval.Data.StatusSource;
using Visitation.Workflow.Audit;
using Visitation.Rules.Calendars;

namespace Visitation.PrisonApproval.Features.EndInmateStatus;

/// <summary>
/// Ends a status early (e.g. confinement lifted): the last day it applies. A status that had no end re-offers the
/// visits it cancelled (<see cref="CancelledVisitReoffer"/>); one that had an end re-offered them when it cancelled them.
/// </summary>
public sealed class EndInmateStatusHandler(PrisonApprovalDbContext db, InmateViews views, CancelledVisitReoffer reoffer, TimeProvider clock)
{
    public async Task<InmateView> HandleAsync(EndInmateStatusRequest request, Caller caller, CancellationToken ct)
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

        var hadNoEnd = status.To is null;
        status.To = lastDay;
        db.Audit(caller, AuditEvent.InmateStatusEnded, status.Audited(inmate));
        if (hadNoEnd)
        {
            await reoffer.AfterEarlyEndAsync(inmate, status, caller.UserId, ChinaTime.Now(clock), ct);
        }

        return await views.CommitAsync(inmate, transaction, ct);
    }
}
