using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.Rules.Eligibility;
using Visitation.Messaging.Database;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.InFlight;

/// <summary>
/// When something changes that stops visits (a suspension, a penalty, a transfer or release, a
/// barred visitor), the work already in flight follows: pending applications are judged again and
/// refused with the new reason, and every booked visit on an affected day is cancelled by
/// scheduling, which tells the family. All in the caller's transaction.
/// </summary>
public sealed class AffectedWork(PrisonApprovalDbContext db, InmateFacts facts, ApprovalOutcomes outcomes)
{
    public async Task<Affected> InmateChangedAsync(Inmate inmate, Stop stop, CancellationToken ct)
    {
        var pending = await PendingAsync(a => a.PrisonId == inmate.PrisonId && a.InmateName == inmate.Name, ct);
        var refused = 0;
        foreach (var approval in pending)
        {
            // Only applications that can mean no one else: with two inmates of the name, the officer
            // chooses, and the other inmate's status must neither refuse nor be told to that family.
            if (await SoleMatchAsync(approval, ct) == inmate.Id)
            {
                refused += await RefuseIneligibleAsync(inmate, [approval], stop, ct);
            }
        }

        var booked = await BookedAsync(inmate.Id, stop, ct);
        return new Affected(refused, RequestCancellations(inmate, booked, stop));
    }

    public async Task<Affected> VisitorBarredAsync(string prisonId, IReadOnlyCollection<string> visitorKeys, Stop stop, CancellationToken ct)
    {
        var refused = 0;
        var pending = await PendingAsync(a => a.PrisonId == prisonId, ct);
        foreach (var approval in pending.Where(a => Includes(a, visitorKeys)))
        {
            // With no single inmate the officer must still choose; the bar shows when they approve.
            if (await SoleMatchAsync(approval, ct) is { } inmateId)
            {
                var inmate = await db.Inmates.Include(i => i.Statuses).SingleAsync(i => i.Id == inmateId, ct);
                refused += await RefuseIneligibleAsync(inmate, [approval], stop, ct);
            }
        }

        var approved = await db.Approvals.AsNoTracking()
            .Where(a => a.PrisonId == prisonId && a.Status == ReviewStatus.Approved)
            .ToListAsync(ct);
        var withVisitor = approved.Where(a => Includes(a, visitorKeys)).Select(a => a.ApplicationId).ToList();
        var cancelled = 0;
        foreach (var group in (await db.QuotaEntries.AsNoTracking()
                     .Where(e => e.ApplicationId != null && withVisitor.Contains(e.ApplicationId.Value) && e.Outcome == CountedVisit.Booked)
                     .ToListAsync(ct))
                 .Where(e => stop.MayTouch(e)).GroupBy(e => e.InmateId))
        {
            var inmate = await db.Inmates.SingleAsync(i => i.Id == group.Key, ct);
            cancelled += RequestCancellations(inmate, [.. group], stop);
        }

        return new Affected(refused, cancelled);
    }

    /// <summary>
    /// Pending approvals, filtered again in memory: one change (an import) may reach the same
    /// application twice before saving, and the tracked copy already says it was refused.
    /// </summary>
    private async Task<List<Approval>> PendingAsync(System.Linq.Expressions.Expression<Func<Approval, bool>> where, CancellationToken ct) =>
        [.. (await db.Approvals.Where(a => a.Status == ReviewStatus.Pending).Where(where).ToListAsync(ct)).Where(a => a.Status == ReviewStatus.Pending)];

    private async Task<Guid?> SoleMatchAsync(Approval approval, CancellationToken ct)
    {
        var matches = await InmateMatching.Candidates(db.Inmates.AsNoTracking().Where(i => i.PrisonId == approval.PrisonId), approval.Application)
            .Select(i => i.Id).Take(2).ToListAsync(ct);
        return matches.Count == 1 ? matches[0] : null;
    }

    private async Task<int> RefuseIneligibleAsync(Inmate inmate, IEnumerable<Approval> approvals, Stop stop, CancellationToken ct)
    {
        var refused = 0;
        var pending = approvals.ToList();
        var records = await facts.RecordsAsync([.. pending.Select(a => (inmate, a.Application))], ct);
        foreach (var approval in pending)
        {
            var judgement = facts.Judge(inmate, approval.Application, records, useExtraVisit: false, useLongerVisit: false);
            if (!judgement.Result.Eligible)
            {
                outcomes.Refuse(approval, judgement.Result.Failures, stop.Actor, stop.At);
                // The rules' consequence of the change, beside the person's row for the change itself (same transaction, same trace).
                db.AuditSystem(AuditEvent.ApprovalRejected, approval.Audited(), reason: approval.ReasonCode, outcome: "rejected");
                refused++;
            }
        }

        return refused;
    }

    private async Task<List<QuotaEntry>> BookedAsync(Guid inmateId, Stop stop, CancellationToken ct)
    {
        var entries = await db.QuotaEntries.AsNoTracking()
            .Where(e => e.InmateId == inmateId && e.Outcome == CountedVisit.Booked && e.ApplicationId != null)
            .ToListAsync(ct);
        return [.. entries.Where(stop.MayTouch)];
    }

    private int RequestCancellations(Inmate inmate, List<QuotaEntry> booked, Stop stop)
    {
        foreach (var entry in booked)
        {
            db.Publish(new VisitCancellationRequested(
                entry.ApplicationId!.Value, inmate.PrisonId, inmate.InmateNumber, stop.From, stop.To, stop.ReasonCode, stop.Reason, stop.Actor, stop.At, stop.StatusId), stop.At);
        }

        return booked.Count;
    }

    private static bool Includes(Approval approval, IReadOnlyCollection<string> visitorKeys) => approval.Application.Visitors.Any(v => visitorKeys.Contains(v.VisitorKey));
}

/// <summary>
/// What stops visits, from when to when (inclusive; no end: open), why, and on whose word; <see cref="StatusId"/> names
/// the officer's status that stops them, so ending it early can re-offer what it cancelled.
/// </summary>
public sealed record Stop(DateOnly From, DateOnly? To, string ReasonCode, string Reason, string Actor, DateTimeOffset At, Guid? StatusId = null)
{
    /// <summary>What a new status stops from today on; null when it ended before today (nothing in flight to reach).</summary>
    public static Stop? ForStatus(StatusPeriod period, DateOnly today, string actor, DateTimeOffset at, Guid? statusId = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.To is { } end && end < today
            ? null
            : new Stop(period.From > today ? period.From : today, period.To, RuleCodes.Suspended(period.Kind), StatusKinds.Describe(period) + "，暂停会见。", actor, at, statusId);
    }

    /// <summary>A booked visit this may hit: its day is in the range, or not fixed yet and its month overlaps.</summary>
    public bool MayTouch(QuotaEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Date is { } day)
        {
            return day >= From && (To is not { } end || day <= end);
        }

        var month = VisitMonth.Parse(entry.Month);
        return month.LastDay >= From && (To is not { } last || month.FirstDay <= last);
    }
}

/// <summary>How much in-flight work a change reached: applications refused, visits asked to be cancelled.</summary>
public sealed record Affected(int ApplicationsRefused, int VisitsCancelled);
