using Microsoft.EntityFrameworkCore;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Eligibility;
using Visitation.Messaging.Database;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Withdrawals;

namespace Visitation.PrisonApproval.Features.Intake;

/// <summary>
/// Takes a withdrawn application off the visit centre's queue, or remembers it if the bureau's
/// approval is still on its way. An approved one gives its month's visit back — unless its day has
/// already come, when withdrawing must not undo a no-show.
/// </summary>
public sealed class ApplicationWithdrawnConsumer(PrisonApprovalDbContext db, TimeProvider clock)
    : WithdrawalConsumer<PrisonApprovalDbContext>(db, clock)
{
    protected override async Task WithdrawWorkAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var approval = await Db.Approvals.SingleOrDefaultAsync(a => a.ApplicationId == applicationId, cancellationToken);
        approval?.Withdraw();

        var entry = await Db.QuotaEntries.SingleOrDefaultAsync(e => e.ApplicationId == applicationId && e.Outcome == CountedVisit.Booked, cancellationToken);
        if (entry is not null)
        {
            entry.Outcome = entry.Date is { } day && day <= ChinaTime.Today(Clock) ? CountedVisit.NoShow : CountedVisit.Cancelled;
            entry.Note = "申请已撤回";
        }
    }
}
