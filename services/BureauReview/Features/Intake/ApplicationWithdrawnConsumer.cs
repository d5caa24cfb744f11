using Microsoft.EntityFrameworkCore;
using Visitation.BureauReview.Data;
using Visitation.Contracts.Events;
using Visitation.ServiceDefaults.Data;
using Visitation.ServiceDefaults.Messaging;

namespace Visitation.BureauReview.Features.Intake;

/// <summary>Takes a withdrawn application off the review queue, or remembers it if it has not arrived yet.</summary>
public sealed class ApplicationWithdrawnConsumer(BureauReviewDbContext db, TimeProvider clock)
    : InboxConsumer<ApplicationWithdrawn, BureauReviewDbContext>(db, clock)
{
    protected override async Task HandleAsync(ApplicationWithdrawn message, CancellationToken cancellationToken)
    {
        await Db.RecordWithdrawalAsync(message.ApplicationId, message.Reason, message.OccurredAt, cancellationToken);
        var review = await Db.Reviews.SingleOrDefaultAsync(r => r.ApplicationId == message.ApplicationId, cancellationToken);
        if (review is { Status: ReviewStatus.Pending })
        {
            review.Status = ReviewStatus.Withdrawn;
        }
    }
}
