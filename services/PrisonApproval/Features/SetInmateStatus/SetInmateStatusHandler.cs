using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.InFlight;
using Visitation.PrisonApproval.Features.Register;
using Visitation.Rules.Calendars;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using StatusSource = Visitation.PrisonApproval.Data.StatusSource;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.SetInmateStatus;

/// <summary>
/// An officer records a status that suspends visits (confinement, investigation, ...); the pending
/// applications and booked visits it reaches follow in the same transaction.
/// </summary>
public sealed class SetInmateStatusHandler(PrisonApprovalDbContext db, InmateViews views, AffectedWork affected, TimeProvider clock)
{
    public async Task<InmateView> HandleAsync(SetInmateStatusRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var status = StatusInputs.Validate(request.Status, "status", violations);
        violations.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inmate = await views.LoadLockedAsync(caller, request.InmateNumber, ct);
        var now = ChinaTime.Now(clock);
        var added = inmate.AddStatus(status!, StatusSource.Officer, caller.UserId, now);
        db.Audit(caller, AuditEvent.InmateStatusSet, inmate.Audited());
        await db.SaveChangesAsync(ct);
        if (Stop.ForStatus(status!, ChinaTime.Today(clock), caller.UserId, now, added.Id) is { } stop)
        {
            await affected.InmateChangedAsync(inmate, stop, ct);
        }

        return await views.CommitAsync(inmate, transaction, ct);
    }
}
