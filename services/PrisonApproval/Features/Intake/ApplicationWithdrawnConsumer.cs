using Microsoft.EntityFrameworkCore;
using Visitation.PrisonApproval.Data;
using Visitation.ServiceDefaults.Data;

namespace Visitation.PrisonApproval.Features.Intake;

/// <summary>Takes a withdrawn application off the visit centre's queue, or remembers it if the bureau's approval is still on its way.</summary>
public sealed class ApplicationWithdrawnConsumer(PrisonApprovalDbContext db, TimeProvider clock)
    : WithdrawalConsumer<PrisonApprovalDbContext>(db, clock)
{
    protected override async Task WithdrawWorkAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var approval = await Db.Approvals.SingleOrDefaultAsync(a => a.ApplicationId == applicationId, cancellationToken);
        if (approval is { Status: ApprovalStatus.Pending })
        {
            approval.Status = ApprovalStatus.Withdrawn;
        }
    }
}
