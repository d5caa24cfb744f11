using Microsoft.EntityFrameworkCore;
using Visitation.BureauReview.Data;
using Visitation.Contracts.Events;
using Visitation.Messaging;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Withdrawals;

namespace Visitation.BureauReview.Features.Intake;

/// <summary>Puts a newly filed application in its county bureau's review queue.</summary>
public sealed class ApplicationSubmittedConsumer(BureauReviewDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : InboxConsumer<ApplicationSubmitted, BureauReviewDbContext>(db, clock)
{
    protected override async Task HandleAsync(ApplicationSubmitted message, CancellationToken cancellationToken)
    {
        var application = message.Application;
        if (await Db.Reviews.AnyAsync(t => t.ApplicationId == application.ApplicationId, cancellationToken))
        {
            return;
        }

        // The bureau works to its own province's deadline, whichever province the prison is in.
        var policy = reference.Policies.For(reference.County(application.CountyId)!.ProvinceId, null);
        var dueBy = ReviewClock.DueBy(reference, policy, ReviewStage.CountyBureau.ClockKey, message.OccurredAt);
        var withdrawn = await Db.IsWithdrawnAsync(application.ApplicationId, cancellationToken);
        Db.Reviews.Add(Review.Receive(application, message.OccurredAt, dueBy, withdrawn));
    }
}
