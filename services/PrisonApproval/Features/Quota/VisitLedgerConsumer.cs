using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.Messaging;

namespace Visitation.PrisonApproval.Features.Quota;

/// <summary>
/// Keeps a video visit's quota entry in step with what scheduling reports. Entries are keyed by
/// application; the visit id guards against reports about a visit that has since been replaced
/// (a cancelled visit re-offered as a new one).
/// </summary>
public abstract class VisitLedgerConsumer<TMessage>(PrisonApprovalDbContext db, TimeProvider clock)
    : InboxConsumer<TMessage, PrisonApprovalDbContext>(db, clock)
    where TMessage : class
{
    protected async Task<QuotaEntry?> EntryAsync(Guid applicationId, CancellationToken ct) =>
        await Db.QuotaEntries.SingleOrDefaultAsync(e => e.ApplicationId == applicationId, ct);

    /// <summary>An outcome that ends the visit, recorded once and only for the visit the entry follows.</summary>
    protected async Task<QuotaEntry?> FinishAsync(Guid applicationId, Guid visitId, DateOnly date, string outcome, DateTimeOffset reportedAt, CancellationToken ct)
    {
        var entry = await EntryAsync(applicationId, ct);
        if (entry is null || (entry.VisitId is { } followed && followed != visitId))
        {
            return null;
        }

        entry.VisitId = visitId;
        entry.Date = date;
        entry.Outcome = outcome;
        entry.VisitReportedAt = reportedAt;
        return entry;
    }

    /// <summary>
    /// Whether a report about a visit is newer than the last one applied: a visit's confirmation
    /// that arrives after its replacement's must not take the entry back to the replaced visit.
    /// </summary>
    protected static bool IsNewer(QuotaEntry entry, DateTimeOffset reportedAt) =>
        entry.VisitReportedAt is not { } last || reportedAt >= last;
}
