using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Eligibility;

namespace Visitation.PrisonApproval.Features.Quota;

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
