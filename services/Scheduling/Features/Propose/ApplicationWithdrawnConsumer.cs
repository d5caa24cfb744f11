using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Scheduling.Data;
using Visitation.ServiceDefaults.Data;
using Visitation.ServiceDefaults.Messaging;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>Frees the slot of a withdrawn application's visit, or remembers the withdrawal if no visit exists yet.</summary>
public sealed class ApplicationWithdrawnConsumer(SchedulingDbContext db, TimeProvider clock)
    : InboxConsumer<ApplicationWithdrawn, SchedulingDbContext>(db, clock)
{
    protected override async Task HandleAsync(ApplicationWithdrawn message, CancellationToken cancellationToken)
    {
        await Db.RecordWithdrawalAsync(message.ApplicationId, message.Reason, message.OccurredAt, cancellationToken);
        var visit = await Db.Visits.SingleOrDefaultAsync(v => v.ApplicationId == message.ApplicationId, cancellationToken);
        if (visit is { Status: VisitStatus.Proposed or VisitStatus.Scheduled })
        {
            visit.Status = VisitStatus.Cancelled; // its terminals are free again: bookings count only proposed and scheduled visits
        }
    }
}
