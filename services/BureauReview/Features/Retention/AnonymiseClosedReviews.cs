using Microsoft.Extensions.Options;
using Visitation.BureauReview.Data;
using Visitation.Workflow.Retention;

namespace Visitation.BureauReview.Features.Retention;

/// <summary>The county bureau's retention: its reviews' snapshots and reviewers' texts (see <see cref="ReviewRetentionWork{TItem, TContext}"/>).</summary>
public sealed class AnonymiseClosedReviews(BureauReviewDbContext db, TimeProvider clock, IOptions<RetentionOptions> options)
    : ReviewRetentionWork<Review, BureauReviewDbContext>(db, clock, options);
