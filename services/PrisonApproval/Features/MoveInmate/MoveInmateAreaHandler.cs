using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Register;
using Visitation.Rules.Calendars;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.MoveInmate;

/// <summary>
/// The officer moves an inmate to another area (监区) of the same prison, from today. The booked visits follow the new
/// area's video days in scheduling (<see cref="AreaMoves"/>). An area the prison does not have is refused, and the
/// refusal recorded in the audit (reason <see cref="UnknownArea"/>); moving to the area the inmate is in changes nothing.
/// </summary>
public sealed class MoveInmateAreaHandler(PrisonApprovalDbContext db, InmateViews views, ReferenceDataSet reference, TimeProvider clock)
{
    public const string UnknownArea = "UNKNOWN_AREA";
    private const int MaxAreaLength = 20;

    public async Task<InmateView> HandleAsync(MoveInmateAreaRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        violations.Required("inmate_number", request.InmateNumber);
        violations.Required("prison_area", request.PrisonArea);
        if (request.PrisonArea.Trim().Length > MaxAreaLength)
        {
            violations.Add("prison_area", "监区编号不超过20个字符");
        }

        violations.ThrowIfAny();
        var area = request.PrisonArea.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inmate = await views.LoadLockedAsync(caller, request.InmateNumber, ct);
        if (inmate.Area == area)
        {
            return await views.CommitAsync(inmate, transaction, ct); // a repeated move answers as the first did
        }

        if (reference.Prison(inmate.PrisonId)?.Areas.Any(a => a.Id == area) != true)
        {
            db.Audit(caller, AuditEvent.InmateAreaMoved, inmate.Audited(), reason: UnknownArea, outcome: "refused");
            await views.CommitAsync(inmate, transaction, ct);
            throw GrpcErrors.FailedPrecondition("本监狱没有这个监区，服刑人员未调动");
        }

        var from = inmate.Area;
        var now = ChinaTime.Now(clock);
        inmate.Area = area;
        inmate.UpdatedAt = now;
        db.Audit(caller, AuditEvent.InmateAreaMoved, inmate.Audited());
        AreaMoves.Announce(db, inmate, from, caller.UserId, now, ChinaTime.Today(clock));
        return await views.CommitAsync(inmate, transaction, ct);
    }
}
