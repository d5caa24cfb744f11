using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.DayOf;
using Visitation.Scheduling.Features.Propose;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Calendars;

namespace Visitation.Scheduling.Features.Cancel;

/// <summary>
/// A prison's officers or a venue's staff cancel one visit, or close a day (or a terminal, or a
/// time range of it) [N§19]. Every visit not yet begun that the closure touches is cancelled and
/// re-offered; the closure is kept, so the slot finder places nothing in it afterwards.
/// </summary>
public sealed class CancelHandler(SchedulingDbContext db, SlotFinder slots, VisitCancellation cancellation, ReferenceDataSet reference, TimeProvider clock)
{
    public async Task<CancelReply> CancelVisitAsync(CancelVisitRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var reason = Reason(violations, request.Cause, request.Note);
        violations.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var visit = await VisitLookup.FindAsync(db, request.VisitId, caller, ct);
        var reply = new CancelReply();
        if (visit.Status == VisitStatus.Cancelled)
        {
            reply.Cancelled.Add(VisitCancellation.Reply(visit, null)); // cancelling twice answers with the first outcome
            return reply;
        }

        if (!VisitStatuses.Cancellable(visit.Status))
        {
            throw GrpcErrors.FailedPrecondition($"该会见状态为 {visit.Status}，不能取消");
        }

        await slots.LockAsync(visit.PrisonId, visit.VenueId, ct);
        var now = ChinaTime.Now(clock);
        // The family gets another time, not the one that just failed.
        reply.Cancelled.Add(await cancellation.CancelAsync(visit, VisitCancellation.VisitCancelledCode, reason!, caller.UserId,
            reoffer: true, avoidItsSlot: true, closureId: null, now, ct));
        await transaction.CommitAsync(ct);
        return reply;
    }

    public async Task<CancelReply> CancelDayAsync(CancelDayRequest request, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.Officer, Roles.VenueStaff);
        var atPrison = caller.Role == Roles.Officer;
        var sideTerminals = atPrison ? reference.Prison(caller.OrganisationId)?.Terminals : reference.Venue(caller.OrganisationId)?.Terminals;
        if (sideTerminals is null)
        {
            throw GrpcErrors.PermissionDenied("令牌中的机构不是监狱或会见室");
        }

        var closure = Validate(request, sideTerminals, ChinaTime.Today(clock));
        var now = ChinaTime.Now(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Every prison before the venue: the order every allocation takes its locks in, so re-offers at
        // each affected visit's prison cannot deadlock with a proposal running at the same time.
        await slots.LockAsync(atPrison ? [caller.OrganisationId] : reference.Prisons.Select(p => p.Id), atPrison ? [] : [caller.OrganisationId], ct);
        var existing = await db.Closures.FirstOrDefaultAsync(c =>
            c.PrisonId == (atPrison ? caller.OrganisationId : null) && c.VenueId == (atPrison ? null : caller.OrganisationId)
            && c.Date == closure.Date && c.TerminalId == closure.TerminalId && c.From == closure.From && c.To == closure.To
            && c.ReopenedAt == null, ct); // closing a reopened day again is a new closure
        var reply = new CancelReply();
        if (existing is not null)
        {
            // Closing the same thing again answers with what the first closure did.
            var earlier = await db.Visits.AsNoTracking().Where(v => v.ClosureId == existing.Id).OrderBy(v => v.Start).ThenBy(v => v.Id).ToListAsync(ct);
            reply.ClosureId = existing.Id.ToString();
            reply.Cancelled.AddRange(earlier.Select(v => VisitCancellation.Reply(v, null)));
            return reply;
        }

        closure.Id = Guid.CreateVersion7();
        closure.PrisonId = atPrison ? caller.OrganisationId : null;
        closure.VenueId = atPrison ? null : caller.OrganisationId;
        closure.CreatedBy = caller.UserId;
        closure.CreatedAt = now;
        db.Closures.Add(closure);
        await db.SaveChangesAsync(ct); // visible to the slot finder before any re-offer looks for a slot

        var touched = await db.Visits
            .Where(v => v.Date == closure.Date && VisitStatuses.Open.Contains(v.Status)
                && (atPrison ? v.PrisonId == caller.OrganisationId : v.VenueId == caller.OrganisationId))
            .OrderBy(v => v.Start).ThenBy(v => v.Id)
            .ToListAsync(ct);
        var affected = touched.Where(v => Touches(closure, v)).ToList();
        // A prison's closure re-offers at many venues: take their locks now, in the one sorted order,
        // rather than one by one in visit order (two prisons closing days could otherwise deadlock).
        await slots.LockAsync([], affected.Select(v => v.VenueId), ct);
        foreach (var visit in affected)
        {
            reply.Cancelled.Add(await cancellation.CancelAsync(visit, VisitCancellation.DayCancelled, closure.Reason, caller.UserId,
                reoffer: true, avoidItsSlot: false, closure.Id, now, ct));
        }

        await transaction.CommitAsync(ct);
        reply.ClosureId = closure.Id.ToString();
        return reply;
    }

    /// <summary>
    /// Lifts a closure: only the side that set it may (a venue cannot reopen the prison's day, nor the
    /// other way round). The visits it cancelled stay cancelled: their families already hold a
    /// re-offer elsewhere, and moving them back would take a slot from under someone else.
    /// </summary>
    public async Task<ClosureView> ReopenClosureAsync(ReopenClosureRequest request, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.Officer, Roles.VenueStaff);
        var id = Ids.Parse(request.ClosureId, "closure_id");
        var closure = await db.Closures.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw GrpcErrors.NotFound("停会安排", request.ClosureId);
        var owner = caller.Role == Roles.Officer ? closure.PrisonId : closure.VenueId;
        if (owner is null || !string.Equals(owner, caller.OrganisationId, StringComparison.Ordinal))
        {
            throw GrpcErrors.PermissionDenied("只有设置该停会安排的单位可以撤销");
        }

        if (closure.ReopenedAt is null) // reopening twice answers with the first reopening
        {
            closure.ReopenedAt = ChinaTime.Now(clock);
            closure.ReopenedBy = caller.UserId;
            await db.SaveChangesAsync(ct);
        }

        var cancelled = await db.Visits.CountAsync(v => v.ClosureId == closure.Id, ct);
        return ClosureViews.ToView(closure, cancelled);
    }

    private static bool Touches(Closure closure, Visit visit) =>
        (closure.TerminalId is null || closure.TerminalId == visit.PrisonTerminal || closure.TerminalId == visit.VenueTerminal)
        && (closure.From is null || (visit.Start < closure.To && closure.From < visit.BlockedUntil));

    private static Closure Validate(CancelDayRequest request, IReadOnlyList<string> sideTerminals, DateOnly today)
    {
        var violations = new FieldViolations();
        var reason = Reason(violations, request.Cause, request.Note);
        var date = violations.Date("date", request.Date);
        if (date is not null && date < today)
        {
            violations.Add("date", "不能取消已过去的日期");
        }

        if (request.TerminalId.Length > 0 && !sideTerminals.Contains(request.TerminalId))
        {
            violations.Add("terminal_id", "不是本单位的会见终端");
        }

        TimeOnly? from = null, to = null;
        if (request.StartTime.Length > 0 || request.EndTime.Length > 0)
        {
            from = violations.Time("start_time", request.StartTime);
            to = violations.Time("end_time", request.EndTime);
            if (from is not null && to is not null && to <= from)
            {
                violations.Add("end_time", "结束时间应晚于开始时间");
            }
        }

        violations.ThrowIfAny();
        return new Closure
        {
            Date = date!.Value,
            TerminalId = request.TerminalId.Length > 0 ? request.TerminalId : null,
            From = from,
            To = to,
            Cause = request.Cause,
            Reason = reason!,
        };
    }

    private static string? Reason(FieldViolations violations, string cause, string note)
    {
        if (!CancellationCauses.All.ContainsKey(cause))
        {
            violations.Add("cause", $"应为 {string.Join("、", CancellationCauses.All.Keys)} 之一");
            return null;
        }

        if (cause == CancellationCauses.Other && string.IsNullOrWhiteSpace(note))
        {
            violations.Add("note", "原因为其他时须说明");
        }

        if (note.Length > 100)
        {
            violations.Add("note", "说明不超过100字");
        }

        return CancellationCauses.Describe(cause, note);
    }
}
