using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Eligibility;

namespace Visitation.PrisonApproval.Features.Quota;

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
