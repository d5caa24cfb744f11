using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Calendars;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Cancel;
using Visitation.Scheduling.Features.Propose;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.CancelDay;

/// <summary>
/// A prison's officers or a venue's staff close a day (or a terminal, or a time range of it)
/// [N§19]. Every visit not yet begun that the closure touches is cancelled and re-offered; the
/// closure is kept, so the slot finder places nothing in it afterwards. Closing the same thing again
/// answers with what the first closure did.
/// </summary>
public sealed class CancelDayHandler(SchedulingDbContext db, SlotFinder slots, VisitCancellation cancellation, ReferenceDataSet reference, TimeProvider clock)
{
    public async Task<CancelReply> HandleAsync(CancelDayRequest request, Caller caller, CancellationToken ct)
    {
        var side = ClosingSide.Of(caller, reference);
        var closure = ClosureRequests.Validate(request, side.Terminals, ChinaTime.Today(clock));
        if (request.Preview)
        {
            // What the closure would cancel now, read without its locks: the officer sees the families
            // before confirming; the confirmed call judges again under the locks.
            var preview = new CancelReply();
            preview.Cancelled.AddRange((await OnTheDayAsync(closure, side, ct)).Select(v => VisitCancellation.Reply(v, null)));
            return preview;
        }

        var now = ChinaTime.Now(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (prisons, venues) = side.Locks(reference);
        await slots.LockAsync(prisons, venues, ct);
        if (await InForceAsync(side, closure, ct) is { } existing)
        {
            return await EarlierReplyAsync(existing, ct);
        }

        await RecordAsync(closure, side, caller.UserId, now, ct);
        var reply = new CancelReply { ClosureId = closure.Id.ToString() };
        foreach (var visit in await TouchedAsync(closure, side, ct))
        {
            var outcome = new VisitOutcome(VisitCancellation.DayCancelled, closure.Reason, caller.UserId);
            // Each visit's cancellation is the closure's consequence: the system's row, beside the person's DayClosed.
            db.AuditSystem(AuditEvent.VisitCancelled, visit.Audited(), VisitCancellation.DayCancelled);
            reply.Cancelled.Add(await cancellation.CancelAsync(visit, outcome, reoffer: true, avoidItsSlot: false, closure.Id, now, ct));
        }

        db.Audit(caller, AuditEvent.DayClosed, closure.Audited(), outcome: $"cancelled:{reply.Cancelled.Count}");
        await transaction.CommitAsync(ct);
        return reply;
    }

    /// <summary>The same closure by the same side, still in force; closing a reopened day again is a new closure.</summary>
    private Task<Closure?> InForceAsync(ClosingSide side, Closure closure, CancellationToken ct)
    {
        var (prisonId, venueId) = (side.PrisonId, side.VenueId);
        return db.Closures.FirstOrDefaultAsync(c =>
            c.PrisonId == prisonId && c.VenueId == venueId
            && c.Date == closure.Date && c.TerminalId == closure.TerminalId && c.From == closure.From && c.To == closure.To
            && c.ReopenedAt == null, ct);
    }

    private async Task<CancelReply> EarlierReplyAsync(Closure existing, CancellationToken ct)
    {
        var earlier = await db.Visits.AsNoTracking().Where(v => v.ClosureId == existing.Id).OrderBy(v => v.Start).ThenBy(v => v.Id).ToListAsync(ct);
        var reply = new CancelReply { ClosureId = existing.Id.ToString() };
        reply.Cancelled.AddRange(earlier.Select(v => VisitCancellation.Reply(v, null)));
        return reply;
    }

    private async Task RecordAsync(Closure closure, ClosingSide side, string by, DateTimeOffset now, CancellationToken ct)
    {
        closure.Id = Guid.CreateVersion7();
        (closure.PrisonId, closure.VenueId) = (side.PrisonId, side.VenueId);
        (closure.CreatedBy, closure.CreatedAt) = (by, now);
        db.Closures.Add(closure);
        await db.SaveChangesAsync(ct); // visible to the slot finder before any re-offer looks for a slot
    }

    /// <summary>
    /// The side's open visits the closure covers, with their venues' locks taken: a prison's closure
    /// re-offers at many venues, so the locks are taken now, in the one sorted order, rather than one
    /// by one in visit order (two prisons closing days could otherwise deadlock).
    /// </summary>
    private async Task<IReadOnlyList<Visit>> TouchedAsync(Closure closure, ClosingSide side, CancellationToken ct)
    {
        var touched = await OnTheDayAsync(closure, side, ct);
        await slots.LockAsync([], touched.Select(v => v.VenueId), ct);
        return touched;
    }

    /// <summary>The side's open visits on the closure's day that it covers, earliest first.</summary>
    private async Task<IReadOnlyList<Visit>> OnTheDayAsync(Closure closure, ClosingSide side, CancellationToken ct)
    {
        var (atPrison, organisation) = (side.AtPrison, side.OrganisationId);
        var onTheDay = await db.Visits
            .Where(v => v.Date == closure.Date && VisitStatuses.Open.Contains(v.Status)
                && (atPrison ? v.PrisonId == organisation : v.VenueId == organisation))
            .OrderBy(v => v.Start).ThenBy(v => v.Id)
            .ToListAsync(ct);
        return [.. onTheDay.Where(closure.Touches)];
    }
}
