using Microsoft.EntityFrameworkCore;
using Visitation.BureauReview.Data;
using Visitation.Contracts.Events;
using Visitation.Messaging.Database;
using Visitation.Rules.Eligibility;
using Visitation.Messaging;
using Visitation.Rules.Reviewing;
using Visitation.Rules.ReferenceData;
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

        Db.Reviews.Add(new Review
        {
            ApplicationId = application.ApplicationId,
            CountyId = application.CountyId,
            OfficeId = application.OfficeId,
            Application = application,
            ReceivedAt = message.OccurredAt,
            // The bureau works to its own province's deadline, whichever province the prison is in.
            DueBy = ReviewClock.DueBy(reference, reference.Policies.For(reference.County(application.CountyId)!.ProvinceId, null), ReviewClock.CountyBureau, message.OccurredAt),
            VisitMonthStart = VisitMonth.Parse(application.VisitMonth).FirstDay,
            // A withdrawal that overtook the application leaves nothing to review.
            Status = await Db.IsWithdrawnAsync(application.ApplicationId, cancellationToken) ? ReviewStatus.Withdrawn : ReviewStatus.Pending,
        });
    }
}
