using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.EndInmateStatus;
using Visitation.Rules.Eligibility;

namespace Visitation.PrisonApproval.Features.Quota;

/// <summary>
/// A cancelled visit gives the quota back [N§19] — unless scheduling is re-offering the same family a
/// new time, in which case the month's visit stays theirs and only the day is forgotten.
/// </summary>
/// <remarks>
/// A visit cancelled without an offer by a suspension without an end remembers the status: ending it early re-offers
/// the visit. If the status was ended before this report arrived, the re-offer is made now (<see cref="CancelledVisitReoffer"/>).
/// </remarks>
public sealed class VisitCancelledLedgerConsumer(PrisonApprovalDbContext db, CancelledVisitReoffer reoffer, TimeProvider clock) : VisitLedgerConsumer<VisitCancelled>(db, clock)
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
            entry.CancelledByStatus = message.StatusId;
            await reoffer.IfAlreadyEndedAsync(entry, message.OccurredAt, cancellationToken);
        }
    }
}
