using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Calendars;

namespace Visitation.Scheduling.Features.DayOf;

/// <summary>
/// The prison runs the call [N§10, N§15–16]: starts it once the family is checked in, records each
/// interruption with its cause, reconnects for the remaining time only, and completes it with the
/// real minutes used. Repeating a call that already took effect answers with the same visit.
/// </summary>
public sealed class CallHandler(SchedulingDbContext db, ReferenceDataSet reference, TimeProvider clock)
{
    public async Task<VisitView> StartAsync(VisitActionRequest request, Caller caller, CancellationToken ct)
    {
        var (visit, now) = await FindAsync(request.VisitId, caller, ct);
        if (visit.Status is not VisitStatus.InProgress)
        {
            Require(visit, VisitStatus.CheckedIn, "家属尚未在会见室签到，不能开始会见");
            if (!DayOfVisit.IsTheDay(visit.Date, now.DateTime))
            {
                throw GrpcErrors.FailedPrecondition($"会见日为 {visit.Date:yyyy-MM-dd}，当天方可开始");
            }

            if (!DayOfVisit.MayConnect(visit.Date, visit.Start, visit.BlockedUntil, now.DateTime))
            {
                throw GrpcErrors.FailedPrecondition($"本次会见时段为 {visit.Start:HH\\:mm}–{visit.BlockedUntil:HH\\:mm}，不在时段内不能开始");
            }

            VisitCall.Store(visit, CallTime.NotStarted(visit.Minutes).Connect(now));
            visit.Status = VisitStatus.InProgress;
            visit.StartedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return await VisitLookup.ViewAsync(db, visit, now, ct);
    }

    public async Task<VisitView> InterruptAsync(InterruptVisitRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        if (!InterruptionCauses.All.ContainsKey(request.Cause))
        {
            violations.Add("cause", $"应为 {string.Join("、", InterruptionCauses.All.Keys)} 之一");
        }

        Note(violations, request.Note);
        violations.ThrowIfAny();
        var (visit, now) = await FindAsync(request.VisitId, caller, ct);
        if (visit.Status is not VisitStatus.Interrupted)
        {
            Require(visit, VisitStatus.InProgress, "会见未在进行中");
            VisitCall.Store(visit, VisitCall.Of(visit).Disconnect(now));
            visit.Status = VisitStatus.Interrupted;
            db.Interruptions.Add(new VisitInterruption
            {
                Id = Guid.CreateVersion7(), VisitId = visit.Id, At = now, Cause = request.Cause, Note = Blank(request.Note), RecordedBy = caller.UserId,
            });
            await db.SaveChangesAsync(ct);
        }

        return await VisitLookup.ViewAsync(db, visit, now, ct);
    }

    /// <summary>Reconnects for what is left of the visit's minutes, never more [N§15].</summary>
    public async Task<VisitView> ResumeAsync(VisitActionRequest request, Caller caller, CancellationToken ct)
    {
        var (visit, now) = await FindAsync(request.VisitId, caller, ct);
        if (visit.Status is not VisitStatus.InProgress)
        {
            Require(visit, VisitStatus.Interrupted, "会见未中断，无需恢复");
            var call = VisitCall.Of(visit);
            if (call.RemainingAt(now) <= TimeSpan.Zero)
            {
                throw GrpcErrors.FailedPrecondition("会见时长已用完，请结束会见");
            }

            if (!DayOfVisit.MayConnect(visit.Date, visit.Start, visit.BlockedUntil, now.DateTime))
            {
                throw GrpcErrors.FailedPrecondition($"本次会见时段已于 {visit.BlockedUntil:HH\\:mm} 结束，终端已预留给下一场会见，请结束会见");
            }

            VisitCall.Store(visit, call.Connect(now));
            visit.Status = VisitStatus.InProgress;
            var open = await db.Interruptions.Where(i => i.VisitId == visit.Id && i.ResumedAt == null).ToListAsync(ct);
            open.ForEach(i => i.ResumedAt = now);
            await db.SaveChangesAsync(ct);
        }

        return await VisitLookup.ViewAsync(db, visit, now, ct);
    }

    public async Task<VisitView> CompleteAsync(VisitActionRequest request, Caller caller, CancellationToken ct)
    {
        var (visit, now) = await FindAsync(request.VisitId, caller, ct);
        if (visit.Status is not VisitStatus.Completed)
        {
            End(visit, VisitStatus.Completed, caller, now);
            db.Publish(new VisitCompleted(visit.ApplicationId, visit.Id, visit.PrisonId, visit.InmateNumber, visit.Date, visit.MinutesUsed!.Value, caller.UserId, now), now);
            await db.SaveChangesAsync(ct);
        }

        return await VisitLookup.ViewAsync(db, visit, now, ct);
    }

    /// <summary>
    /// Ends the call for a breach (RULES.md §7). The penalty is checked against the prison's policy
    /// here; prison approval turns the event into the suspension.
    /// </summary>
    public async Task<VisitView> TerminateAsync(TerminateVisitRequest request, Caller caller, CancellationToken ct)
    {
        var (visit, now) = await FindAsync(request.VisitId, caller, ct);
        if (visit.Status is VisitStatus.Terminated)
        {
            return await VisitLookup.ViewAsync(db, visit, now, ct);
        }

        // The state first: ending a call that is not running is the answer, whatever the arguments.
        if (visit.Status is not (VisitStatus.InProgress or VisitStatus.Interrupted))
        {
            throw GrpcErrors.FailedPrecondition($"该会见状态为 {visit.Status}，没有进行中的通话");
        }

        var violations = new FieldViolations();
        foreach (var (field, message) in Termination.Check(reference.PolicyFor(visit.PrisonId), request.ReasonCode, request.Severity, request.PenaltyMonths))
        {
            violations.Add(field, message);
        }

        Note(violations, request.Note);
        violations.ThrowIfAny();
        End(visit, VisitStatus.Terminated, caller, now);
        var reason = Termination.Reasons[request.ReasonCode];
        visit.OutcomeReasonCode = request.ReasonCode;
        visit.OutcomeReason = Blank(request.Note) is { } note ? $"{reason}（{note}）" : reason;
        visit.Severity = request.Severity;
        visit.PenaltyMonths = request.PenaltyMonths;
        db.Publish(new VisitTerminated(visit.ApplicationId, visit.Id, visit.PrisonId, visit.InmateNumber, visit.Date, request.ReasonCode, visit.OutcomeReason,
            request.Severity, request.PenaltyMonths, visit.MinutesUsed!.Value, caller.UserId, now), now);
        await db.SaveChangesAsync(ct);
        return await VisitLookup.ViewAsync(db, visit, now, ct);
    }

    private static void End(Visit visit, VisitStatus outcome, Caller caller, DateTimeOffset now)
    {
        if (visit.Status is not (VisitStatus.InProgress or VisitStatus.Interrupted))
        {
            throw GrpcErrors.FailedPrecondition($"该会见状态为 {visit.Status}，没有进行中的通话");
        }

        VisitCall.End(visit, outcome, caller.UserId, now);
    }

    private async Task<(Visit Visit, DateTimeOffset Now)> FindAsync(string visitId, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.Officer); // the prison starts and runs the call [N§10]
        return (await VisitLookup.FindAsync(db, visitId, caller, ct), ChinaTime.Now(clock));
    }

    private static void Require(Visit visit, VisitStatus expected, string message)
    {
        if (visit.Status != expected)
        {
            throw GrpcErrors.FailedPrecondition($"{message}（当前状态 {visit.Status}）");
        }
    }

    private static void Note(FieldViolations violations, string note)
    {
        if (note.Length > 200)
        {
            violations.Add("note", "说明不超过200字");
        }
    }

    private static string? Blank(string note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
