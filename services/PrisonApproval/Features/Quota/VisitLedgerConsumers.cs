using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Messaging;

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
    protected async Task<QuotaEntry?> FinishAsync(Guid applicationId, Guid visitId, DateOnly date, string outcome, CancellationToken ct)
    {
        var entry = await EntryAsync(applicationId, ct);
        if (entry is null || (entry.VisitId is { } followed && followed != visitId))
        {
            return null;
        }

        entry.VisitId = visitId;
        entry.Date = date;
        entry.Outcome = outcome;
        return entry;
    }
}

public sealed class VisitScheduledLedgerConsumer(PrisonApprovalDbContext db, TimeProvider clock) : VisitLedgerConsumer<VisitScheduled>(db, clock)
{
    protected override async Task HandleAsync(VisitScheduled message, CancellationToken cancellationToken)
    {
        if (await EntryAsync(message.ApplicationId, cancellationToken) is { Outcome: CountedVisit.Booked } entry)
        {
            entry.VisitId = message.VisitId;
            entry.Date = message.Date;
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
        if (entry is null || entry.Outcome != CountedVisit.Booked || (entry.VisitId is { } followed && followed != message.VisitId))
        {
            return;
        }

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
        FinishAsync(message.ApplicationId, message.VisitId, message.Date, CountedVisit.NoShow, cancellationToken);
}

public sealed class VisitCompletedLedgerConsumer(PrisonApprovalDbContext db, TimeProvider clock) : VisitLedgerConsumer<VisitCompleted>(db, clock)
{
    protected override async Task HandleAsync(VisitCompleted message, CancellationToken cancellationToken)
    {
        if (await FinishAsync(message.ApplicationId, message.VisitId, message.Date, CountedVisit.Held, cancellationToken) is { } entry)
        {
            entry.MinutesUsed = message.MinutesUsed;
        }
    }
}
