using Visitation.Messaging.Tracing;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Visits;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Features.Propose;
using Visitation.Scheduling.Features.Timers;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Calendars;

using VisitStatus = Visitation.Rules.Visits.VisitStatus;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.ConfirmVisit;

/// <summary>
/// The visit centre fixes the final time: the proposal as it is, or another free slot. The slot is
/// re-checked under the allocation lock (a hold may have lapsed), then the visit is scheduled and
/// announced to the venue and the family.
/// </summary>
public sealed class ConfirmVisitHandler(SchedulingDbContext db, SlotFinder slots, ReferenceDataSet reference, TimeProvider clock)
{
    public async Task<VisitView> HandleAsync(ConfirmVisitRequest request, Caller caller, CancellationToken ct)
    {
        var id = Ids.Parse(request.VisitId, "visit_id");
        var move = ParseMove(request);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var visit = await db.Visits.SingleOrDefaultAsync(VisitLookup.OfCallersSide(id, caller), ct) ?? throw GrpcErrors.NotFound("会见", request.VisitId);
        using var trace = ApplicationTrace.Start("ConfirmVisit", visit.ApplicationId); // a step of the application's one trace
        if (visit.Status == VisitStatus.Scheduled && (move is null || (move.Value.Date == visit.Date && move.Value.Start == visit.Start)))
        {
            return VisitViews.ToView(visit); // confirming twice answers with the same visit
        }

        visit.EnsureAllows(VisitAction.Confirm); // a confirmed visit is moved by cancelling it; a lapsed proposal has a successor
        await slots.LockAsync(visit.PrisonId, visit.VenueId, ct);
        var (date, start) = move ?? (visit.Date, visit.Start);
        // Never a day already begun, nor one prison approval asked to avoid, whatever the proposal was.
        var search = await slots.SearchForAsync(visit, new DateOnly(date.Year, date.Month, 1), ct);
        var choice = await slots.AtAsync(search, date, start, ct)
            ?? throw GrpcErrors.FailedPrecondition($"{date:yyyy-MM-dd} {start:HH\\:mm} 不是该监区可预约的空闲时段");
        var now = ChinaTime.Now(clock);
        var moved = (date, start) != (visit.Date, visit.Start); // a move to the slot it was proposed at is a plain confirmation
        visit.Confirm(choice, caller.UserId, now);
        db.Audit(caller, moved ? AuditEvent.VisitMoved : AuditEvent.VisitConfirmed, visit.Audited());
        var venue = reference.Venue(visit.VenueId)!;
        VisitTimers.DayOf(db, visit, now);
        db.Publish(new VisitScheduled(visit.ApplicationId, visit.Id, visit.PrisonId, visit.VenueId, venue.Name, venue.Address,
            visit.Date, visit.Start, visit.Minutes, caller.UserId, now), now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return VisitViews.ToView(visit);
    }

    private static (DateOnly Date, TimeOnly Start)? ParseMove(ConfirmVisitRequest request)
    {
        if (string.IsNullOrEmpty(request.Date) && string.IsNullOrEmpty(request.StartTime))
        {
            return null;
        }

        var violations = new FieldViolations();
        var date = violations.Date("date", request.Date);
        var start = violations.Time("start_time", request.StartTime);
        violations.ThrowIfAny();
        return (date!.Value, start!.Value);
    }
}
