using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Eligibility;
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

public sealed class VisitScheduledLedgerConsumer(PrisonApprovalDbContext db, TimeProvider clock) : VisitLedgerConsumer<VisitScheduled>(db, clock)
{
    protected override async Task HandleAsync(VisitScheduled message, CancellationToken cancellationToken)
    {
        if (await EntryAsync(message.ApplicationId, cancellationToken) is { Outcome: CountedVisit.Booked } entry && IsNewer(entry, message.OccurredAt))
        {
            entry.VisitId = message.VisitId;
            entry.Date = message.Date;
            entry.VisitReportedAt = message.OccurredAt;
        }
    }
}

/// <summary>
/// A cancelled visit gives the quota back [N§19] — unless scheduling is re-offering the same family a
/// new time, in which case the month's visit stays theirs and only the day is forgotten.
/// </summary>
public sealed class VisitCancelledLedgerConsumer(PrisonApprovalDbContext db, TimeProvider clock) : VisitLedgerConsumer<VisitCancelled>(db, clock)
{
    protected override async Task HandleAsync(VisitCancelled message, CancellationToken cancellationToken)
    {
        var entry = await EntryAsync(message.ApplicationId, cancellationToken);
        if (entry is null || entry.Outcome != CountedVisit.Booked || (entry.VisitId is { } followed && followed != message.VisitId) || !IsNewer(entry, message.OccurredAt))
        {
            return;
        }

        entry.VisitReportedAt = message.OccurredAt;
        entry.Date = null;
        entry.VisitId = null;
        entry.Note = message.Reason;
        if (!message.Reoffered)
        {
            entry.Outcome = CountedVisit.Cancelled;
        }
    }
}

/// <summary>No slot in the month: the visit will not happen, so it uses nothing.</summary>
public sealed class VisitUnavailableLedgerConsumer(PrisonApprovalDbContext db, TimeProvider clock) : VisitLedgerConsumer<VisitUnavailable>(db, clock)
{
    protected override async Task HandleAsync(VisitUnavailable message, CancellationToken cancellationToken)
    {
        if (await EntryAsync(message.ApplicationId, cancellationToken) is { Outcome: CountedVisit.Booked } entry)
        {
            entry.Outcome = CountedVisit.Cancelled;
            entry.Note = message.Reason;
        }
    }
}

public sealed class VisitNoShowLedgerConsumer(PrisonApprovalDbContext db, TimeProvider clock) : VisitLedgerConsumer<VisitNoShow>(db, clock)
{
    protected override Task HandleAsync(VisitNoShow message, CancellationToken cancellationToken) =>
        FinishAsync(message.ApplicationId, message.VisitId, message.Date, CountedVisit.NoShow, message.OccurredAt, cancellationToken);
}

public sealed class VisitCompletedLedgerConsumer(PrisonApprovalDbContext db, TimeProvider clock) : VisitLedgerConsumer<VisitCompleted>(db, clock)
{
    protected override async Task HandleAsync(VisitCompleted message, CancellationToken cancellationToken)
    {
        if (await FinishAsync(message.ApplicationId, message.VisitId, message.Date, CountedVisit.Held, message.OccurredAt, cancellationToken) is { } entry)
        {
            entry.MinutesUsed = message.MinutesUsed;
        }
    }
}
