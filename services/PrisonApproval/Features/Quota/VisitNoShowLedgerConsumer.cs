using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Eligibility;

namespace Visitation.PrisonApproval.Features.Quota;

public sealed class VisitNoShowLedgerConsumer(PrisonApprovalDbContext db, TimeProvider clock) : VisitLedgerConsumer<VisitNoShow>(db, clock)
{
    protected override Task HandleAsync(VisitNoShow message, CancellationToken cancellationToken) =>
        FinishAsync(message.ApplicationId, message.VisitId, message.Date, CountedVisit.NoShow, message.OccurredAt, cancellationToken);
}
