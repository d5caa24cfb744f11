using Microsoft.EntityFrameworkCore;
using Visitation.BureauReview.Data;
using Visitation.Workflow.Withdrawals;

namespace Visitation.BureauReview.Features.Intake;

/// <summary>Takes a withdrawn application off the review queue, or remembers it if it has not arrived yet.</summary>
public sealed class ApplicationWithdrawnConsumer(BureauReviewDbContext db, TimeProvider clock)
    : WithdrawalConsumer<BureauReviewDbContext>(db, clock)
{
    protected override async Task WithdrawWorkAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var review = await Db.Reviews.SingleOrDefaultAsync(r => r.ApplicationId == applicationId, cancellationToken);
        review?.Withdraw();
    }
}
