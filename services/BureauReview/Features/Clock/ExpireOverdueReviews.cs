using Visitation.BureauReview.Data;
using Visitation.Contracts.Events;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Reviewing;
using Visitation.Workflow.Audit;

namespace Visitation.BureauReview.Features.Clock;

/// <summary>The county bureau's review clock; an expiry is announced as the bureau's rejection, so the family is told.</summary>
public sealed class ExpireOverdueReviews(BureauReviewDbContext db, TimeProvider clock) : ReviewClockWork<Review, BureauReviewDbContext>(db, clock)
{
    protected override AuditEvent ExpiryEvent => AuditEvent.ReviewExpired;

    protected override void Announce(Review item, RuleFailure reason, DateTimeOffset now) =>
        Db.Publish(new BureauRejected(item.ApplicationId, item.CountyId, reason.Code, reason.Message, ReviewClock.Actor, now), now);
}
