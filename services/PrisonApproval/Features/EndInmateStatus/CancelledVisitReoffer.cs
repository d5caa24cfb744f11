using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Messaging.Database;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;

namespace Visitation.PrisonApproval.Features.EndInmateStatus;

/// <summary>
/// A suspension without an end cancelled booked visits without an offer and gave their quota back; when it is ended
/// early, each such visit whose month is not over gets its place in the month's quota again — if the month still has
/// room (a visit approved meanwhile may have taken it) — and scheduling is asked to offer a day after the end
/// (<see cref="VisitReofferRequested"/>), or to tell the family there is none. An entry is re-offered once: the mark
/// that it was cancelled by the status is cleared as it is.
/// </summary>
public sealed class CancelledVisitReoffer(PrisonApprovalDbContext db, InmateFacts facts, TimeProvider clock)
{
    /// <summary>The visits <paramref name="status"/> cancelled, offered again after its new last day; the caller holds the inmate's lock and saves.</summary>
    public async Task<int> AfterEarlyEndAsync(Inmate inmate, InmateStatus status, string actor, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inmate);
        ArgumentNullException.ThrowIfNull(status);
        var entries = await db.QuotaEntries
            .Where(e => e.InmateId == inmate.Id && e.CancelledByStatus == status.Id && e.Outcome == CountedVisit.Cancelled && e.ApplicationId != null)
            .OrderBy(e => e.RecordedAt)
            .ToListAsync(ct);
        var reoffered = 0;
        foreach (var entry in entries)
        {
            reoffered += await TryAsync(inmate, entry, status, actor, now, ct) ? 1 : 0;
        }

        return reoffered;
    }

    /// <summary>
    /// The cancellation's report arrived after the officer had already ended the status (the two crossed): re-offer now.
    /// A status that had an end from the start re-offered with the cancellation itself and never comes here.
    /// </summary>
    public async Task IfAlreadyEndedAsync(QuotaEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.CancelledByStatus is not { } statusId
            || await db.InmateStatuses.AsNoTracking().SingleOrDefaultAsync(s => s.Id == statusId, ct) is not { To: not null } status)
        {
            return;
        }

        var inmate = await facts.LockAndLoadAsync(entry.InmateId, ct);
        await TryAsync(inmate, entry, status, "system", now, ct);
    }

    private async Task<bool> TryAsync(Inmate inmate, QuotaEntry entry, InmateStatus status, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var month = VisitMonth.Parse(entry.Month);
        entry.CancelledByStatus = null; // judged once, whatever the answer
        await db.SaveChangesAsync(ct); // the ledger below is read from the database: it must see this entry as given back
        if (inmate.LeftOn is not null || month.LastDay <= ChinaTime.Today(clock) || !await HasRoomAsync(inmate, month, ct))
        {
            return false;
        }

        entry.Outcome = CountedVisit.Booked;
        entry.Note = string.Empty;
        entry.ProposedOn = null; // the cancelled visit's day; scheduling's new proposal brings its own
        await db.SaveChangesAsync(ct); // the next entry's room counts this one
        db.Publish(new VisitReofferRequested(entry.ApplicationId!.Value, inmate.PrisonId, inmate.InmateNumber, status.Id, status.To!.Value, actor, now), now);
        return true;
    }

    /// <summary>
    /// The month still has room for the visit (the place the cancelled visit gave back, unless another visit took it),
    /// counted as eligibility counts a visit that claims the month's special approvals (<see cref="MonthlyQuotaRule.Allowed"/>):
    /// the visit was approved already, perhaps as the month's extra visit, and the extra-visit approvals the prison's
    /// chain signed for the month stay the inmate's. Whether the cancelled visit itself had claimed one is not recorded,
    /// so a complete approval not yet used by another visit gives the re-offer its room (docs/reoffer-and-moves.md).
    /// </summary>
    private async Task<bool> HasRoomAsync(Inmate inmate, VisitMonth month, CancellationToken ct)
    {
        var policy = facts.PolicyOf(inmate);
        var ledger = await facts.LedgerAsync(inmate, month, ct);
        return MonthlyQuotaRule.Used(policy, ledger, month) < MonthlyQuotaRule.Allowed(policy, facts.StateOf(inmate), ledger, month, usesSpecialApproval: true);
    }
}
