using Microsoft.EntityFrameworkCore;
using Visitation.BureauReview.Data;
using Visitation.Contracts.Events;
using Visitation.Messaging;
using Visitation.Rules.Reviewing;
using Visitation.Messaging.Database;
using Visitation.Rules.Calendars;

namespace Visitation.BureauReview.Features.Clock;

/// <summary>
/// The county bureau's review clock: an application left pending past its working-day deadline, or
/// whose visit month is over, expires with a reason the family is told, instead of waiting forever.
/// </summary>
public sealed class ExpireOverdueReviews(BureauReviewDbContext db, TimeProvider clock) : IPeriodicWork
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = ChinaTime.Now(clock);
        var thisMonth = new DateOnly(ChinaTime.Today(clock).Year, ChinaTime.Today(clock).Month, 1);
        var expired = await db.Reviews
            .Where(r => r.Status == ReviewStatus.Pending && ((r.DueBy != null && r.DueBy <= now) || r.VisitMonthStart < thisMonth))
            .OrderBy(r => r.DueBy).Take(100).ToListAsync(cancellationToken);
        foreach (var review in expired)
        {
            var (code, reason) = review.VisitMonthStart < thisMonth
                ? ("VISIT_MONTH_PASSED", "申请的会见月份已过，县司法局未能在该月内完成复审，申请已失效，请重新申请。")
                : ("REVIEW_DEADLINE_PASSED", "县司法局未在规定期限内完成复审，申请已失效，请重新申请。");
            review.Status = ReviewStatus.Expired;
            review.DecidedBy = ReviewClock.Actor;
            review.DecidedAt = now;
            review.ReasonCode = code;
            review.Reason = reason;
            db.Publish(new BureauRejected(review.ApplicationId, review.CountyId, code, reason, ReviewClock.Actor, now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
