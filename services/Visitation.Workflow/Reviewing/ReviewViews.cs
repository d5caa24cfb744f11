using Google.Protobuf.WellKnownTypes;
using Visitation.Contracts.Grpc;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Grpc;

namespace Visitation.Workflow.Reviewing;

/// <summary>A reviewing stage's item on the wire: the parts every stage's task view shows the same way.</summary>
public static class ReviewViews
{
    /// <summary>
    /// The stage's proto status enum: each stage's proto names its values after <see cref="ReviewStatus"/>
    /// (REVIEW_STATUS_SENT_BACK ⇄ <c>SentBack</c>), so one conversion serves every stage.
    /// </summary>
    public static TProto Status<TProto>(ReviewStatus status) where TProto : struct, System.Enum =>
        ProtoNames.Map<ReviewStatus, TProto>(status);

    /// <summary>Fills what every stage's task shows the same way: the application, the review clock, the decision.</summary>
    public static TView Fill<TView>(TView view, ReviewItem item) where TView : IReviewTaskView
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(item);
        var application = item.Application;
        view.ApplicationId = application.ApplicationId.ToString();
        view.InmateName = application.InmateName;
        view.PrisonArea = application.PrisonArea ?? string.Empty;
        view.VisitMonth = application.VisitMonth;
        view.VenueId = application.VenueId;
        view.ReceivedAt = Instants.Of(item.ReceivedAt);
        view.DueBy = Instants.Of(item.DueBy);
        view.Decision = DecisionOf(item);
        return view;
    }

    /// <summary>The recorded decision (an expiry reads as the clock's refusal), or null while nothing is decided.</summary>
    public static Decision? DecisionOf(ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.DecidedAt is null ? null : Decisions.Recorded(item);
    }

}
