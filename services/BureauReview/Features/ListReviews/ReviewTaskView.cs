using Visitation.BureauReview.Data;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Workflow.Grpc;
using Visitation.Workflow.Reviewing;

namespace Visitation.BureauReview.Features.ListReviews;

/// <summary>A review as the reviewer's queue shows it: the application, the clock, the visitors with masked ID numbers.</summary>
public static class ReviewTaskView
{
    public static ReviewTask Of(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var view = ReviewViews.Fill(new ReviewTask(), review);
        view.OfficeId = review.OfficeId;
        view.PrisonId = review.Application.PrisonId;
        view.Status = ReviewViews.Status<Contracts.Grpc.BureauReview.ReviewStatus>(review.Status);
        view.Visitors.AddRange(review.Application.Visitors.Select(v => new ReviewVisitor
        {
            Name = v.Name,
            IdNumberMasked = v.IdNumberMasked,
            Relation = ProtoCodes.FromCode<Relation>(v.Relation),
            Age = v.Age,
            Documents = { v.Documents.Select(ProtoCodes.FromCode<DocumentKind>) },
        }));
        return view;
    }
}
