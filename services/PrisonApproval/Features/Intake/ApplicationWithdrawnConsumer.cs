using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.ServiceDefaults.Data;
using Visitation.ServiceDefaults.Messaging;

namespace Visitation.PrisonApproval.Features.Intake;

/// <summary>Takes a withdrawn application off the visit centre's queue, or remembers it if the bureau's approval is still on its way.</summary>
public sealed class ApplicationWithdrawnConsumer(PrisonApprovalDbContext db, TimeProvider clock)
    : InboxConsumer<ApplicationWithdrawn, PrisonApprovalDbContext>(db, clock)
{
    protected override async Task HandleAsync(ApplicationWithdrawn message, CancellationToken cancellationToken)
    {
        await Db.RecordWithdrawalAsync(message.ApplicationId, message.Reason, message.OccurredAt, cancellationToken);
        var approval = await Db.Approvals.SingleOrDefaultAsync(a => a.ApplicationId == message.ApplicationId, cancellationToken);
        if (approval is { Status: ApprovalStatus.Pending })
        {
            approval.Status = ApprovalStatus.Withdrawn;
        }
    }
}
