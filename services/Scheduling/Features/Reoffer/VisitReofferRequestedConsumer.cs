using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Messaging;
using Visitation.Rules.Calendars;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Propose;

namespace Visitation.Scheduling.Features.Reoffer;

/// <summary>
/// A suspension without an end was ended early (docs/reoffer-and-moves.md): its range for the application now ends on
/// the status's last day, and the visit it cancelled is offered again through the proposal path — from tomorrow and
/// the advance notice, after the end, on the area's open days, one visit per inmate per day, in the visit's own month
/// (its quota is that month's) — or the family is told the month has no day left (VisitUnavailable, naming the next). Prison approval has already given the quota back to the
/// application. A visit already replaced, or an application that has an open visit again, is offered nothing more:
/// a redelivered or repeated request re-offers once.
/// </summary>
public sealed class VisitReofferRequestedConsumer(SchedulingDbContext db, Proposals proposals, TimeProvider clock)
    : InboxConsumer<VisitReofferRequested, SchedulingDbContext>(db, clock)
{
    protected override async Task HandleAsync(VisitReofferRequested message, CancellationToken cancellationToken)
    {
        // The locks a proposal and a cancellation take, in their order.
        await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"application:" + message.ApplicationId}))", cancellationToken);
        await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"prison:" + message.PrisonId}))", cancellationToken);
        var ranges = await Db.CancellationRequests
            .Where(r => r.ApplicationId == message.ApplicationId && r.StatusId == message.StatusId)
            .ToListAsync(cancellationToken);
        ranges.ForEach(r => r.EndOn(message.LastDay));
        await Db.SaveChangesAsync(cancellationToken); // the slot search reads the ranges from the database

        var visits = await Db.Visits.Where(v => v.ApplicationId == message.ApplicationId && v.PrisonId == message.PrisonId).ToListAsync(cancellationToken);
        if (visits.Any(v => VisitStatuses.Open.Contains(v.Status)))
        {
            return;
        }

        var cancelled = visits.Where(v => v.Status == VisitStatus.Cancelled && v.ReplacedBy is null).MaxBy(v => v.CreatedAt);
        if (cancelled is not null && visits.All(v => v.CreatedAt <= cancelled.CreatedAt))
        {
            // The visit's own month only: its quota is that month's, given back to it (issue 14: "where the month still has days").
            var basis = proposals.ReofferBasis(cancelled);
            var choice = await proposals.FindAsync(basis, [Proposals.MonthOf(cancelled.VisitMonth)], avoid: null, cancellationToken);
            proposals.PlaceReoffer(cancelled, basis, choice, ChinaTime.Now(Clock), monthsSearched: 1);
        }
    }
}
