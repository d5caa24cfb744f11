using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Calendars;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Cancel;
using Visitation.Scheduling.Features.Propose;
using Visitation.Scheduling.Features.Visits;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.CancelVisit;

/// <summary>
/// A prison's officers or a venue's staff cancel one visit not yet begun [N§19]; the family is told
/// and offered another time, not the one that just failed. Cancelling twice answers with the first outcome.
/// </summary>
public sealed class CancelVisitHandler(SchedulingDbContext db, SlotFinder slots, VisitCancellation cancellation, TimeProvider clock)
{
    public async Task<CancelReply> HandleAsync(CancelVisitRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var (_, reason) = CancellationReasons.Check(violations, request.Cause, request.Note);
        violations.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var visit = await VisitLookup.FindAsync(db, request.VisitId, caller, ct);
        var reply = new CancelReply();
        if (VisitTransitions.IsDone(visit.Status, VisitAction.Cancel))
        {
            reply.Cancelled.Add(VisitCancellation.Reply(visit, null));
            return reply;
        }

        visit.EnsureAllows(VisitAction.Cancel);
        await slots.LockAsync(visit.PrisonId, visit.VenueId, ct);
        db.Audit(caller, AuditEvent.VisitCancelled, visit.Audited(), reason: request.Cause.ToString());
        var outcome = new VisitOutcome(VisitCancellation.VisitCancelledCode, reason!, caller.UserId);
        reply.Cancelled.Add(await cancellation.CancelAsync(visit, outcome, reoffer: true, avoidItsSlot: true, closureId: null, ChinaTime.Now(clock), ct));
        await transaction.CommitAsync(ct);
        return reply;
    }
}
