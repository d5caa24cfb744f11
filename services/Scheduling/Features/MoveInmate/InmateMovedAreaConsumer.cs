using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Messaging;
using Visitation.Rules.Calendars;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Slots;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Cancel;
using Visitation.Scheduling.Features.Propose;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.MoveInmate;

/// <summary>
/// The inmate moved to another area of the prison (docs/reoffer-and-moves.md). Each open visit from the move on
/// follows the new area: on a day the new area also has, it stays (the terminals are the prison's, not the area's);
/// on a day it does not, the visit is cancelled as a schedule change and the family offered the new area's free slot
/// nearest the booked one in the same month (<see cref="NearestSlot"/>) — told by SMS that the time changes and, once
/// the visit centre confirms, the new time — or, with none, the ordinary re-offer (the next month) or "no day".
/// A visit today keeps its day: it is too late to move it. The new area is recorded (<see cref="CurrentInmateArea"/>)
/// so that an approval still on its way is proposed there.
/// </summary>
public sealed class InmateMovedAreaConsumer(
    SchedulingDbContext db, VisitCancellation cancellation, SlotFinder slots, Proposals proposals, PrisonCalendars calendars, CurrentInmateArea currentArea, TimeProvider clock)
    : InboxConsumer<InmateMovedArea, SchedulingDbContext>(db, clock)
{
    public const string Reason = "会见安排调整，原定会见日不再安排视频会见";

    protected override async Task HandleAsync(InmateMovedArea message, CancellationToken cancellationToken)
    {
        var visits = await OpenVisitsAsync(message, cancellationToken);

        // A proposal's and a cancellation's locks, in their order: the applications', then the prison's and the venues'.
        foreach (var application in visits.Select(v => v.ApplicationId).Distinct().Order())
        {
            await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"application:" + application}))", cancellationToken);
        }

        await slots.LockAsync([message.PrisonId], visits.Select(v => v.VenueId), cancellationToken);
        // Recorded even with no visit yet: an approval on its way is then proposed in the new area.
        await currentArea.RecordAsync(message, cancellationToken);
        visits = await OpenVisitsAsync(message, cancellationToken); // as they stand under the locks
        var area = calendars.Area(message.PrisonId, message.ToArea);
        var today = ChinaTime.Today(Clock);
        var now = ChinaTime.Now(Clock);
        foreach (var visit in visits.Where(v => v.PrisonArea != message.ToArea))
        {
            if (visit.Date <= today || (area is not null && calendars.VideoDays(area, visit.Date.Year, visit.Date.Month).Any(d => d.Open && d.Date == visit.Date)))
            {
                visit.PrisonArea = message.ToArea;
                Db.AuditSystem(AuditEvent.VisitMoved, visit.Audited(), ScheduleChangeCodes.AreaChanged, outcome: "same_day");
                continue;
            }

            Db.AuditSystem(AuditEvent.VisitCancelled, visit.Audited(), ScheduleChangeCodes.AreaChanged);
            await cancellation.CancelAsync(visit, new VisitOutcome(ScheduleChangeCodes.AreaChanged, Reason, message.MovedBy),
                (old, ct) => InNewAreaAsync(old, message.ToArea, ct), closureId: null, now, cancellationToken);
        }
    }

    private Task<List<Visit>> OpenVisitsAsync(InmateMovedArea message, CancellationToken ct) =>
        Db.Visits
            .Where(v => v.PrisonId == message.PrisonId && v.InmateNumber == message.InmateNumber && v.Date >= message.On && VisitStatuses.Open.Contains(v.Status))
            .OrderBy(v => v.Date).ThenBy(v => v.Start)
            .ToListAsync(ct);

    /// <summary>The new area's free slot nearest the cancelled one in its month, else the ordinary re-offer's (in the new area).</summary>
    private async Task<(VisitBasis Basis, SlotChoice? Choice)> InNewAreaAsync(Visit old, string toArea, CancellationToken ct)
    {
        var basis = proposals.ReofferBasis(old) with { PrisonArea = toArea };
        var month = new DateOnly(old.Date.Year, old.Date.Month, 1);
        var search = await slots.SearchForAsync(old, month, ct) with { Area = toArea, ExcludingVisit = null };
        var free = await slots.FreeWithCapacityAsync(search, int.MaxValue, ct);
        if (NearestSlot.To(free.Select(f => f.Slot), old.Date, old.Start) is { } nearest)
        {
            return (basis, nearest);
        }

        var visitMonth = Proposals.MonthOf(old.VisitMonth);
        return (basis, await proposals.FindAsync(basis, [visitMonth, visitMonth.AddMonths(1)], null, ct));
    }
}
