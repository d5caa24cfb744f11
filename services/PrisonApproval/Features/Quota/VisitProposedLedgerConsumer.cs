using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Eligibility;

namespace Visitation.PrisonApproval.Features.Quota;

/// <summary>
/// Scheduling proposed a day for a booked visit: the entry remembers it until the visit centre confirms it, so that the
/// one-visit-a-day limit judges by the days the inmate's proposals hold too, as scheduling's slot finder does
/// (<c>InmateFacts.FullDaysAsync</c>, docs/regulations.md). A proposal older than the last report applied (one replaced
/// since, or already confirmed) changes nothing.
/// </summary>
public sealed class VisitProposedLedgerConsumer(PrisonApprovalDbContext db, TimeProvider clock) : VisitLedgerConsumer<VisitProposed>(db, clock)
{
    protected override async Task HandleAsync(VisitProposed message, CancellationToken cancellationToken)
    {
        if (await EntryAsync(message.ApplicationId, cancellationToken) is { Outcome: CountedVisit.Booked } entry && IsNewer(entry, message.OccurredAt))
        {
            entry.ProposedOn = message.Date;
            entry.VisitReportedAt = message.OccurredAt;
        }
    }
}
