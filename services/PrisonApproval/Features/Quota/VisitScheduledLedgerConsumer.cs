using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Eligibility;

namespace Visitation.PrisonApproval.Features.Quota;

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
