using Visitation.Contracts.Events;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Reviewing;

namespace Visitation.BureauReview.Data;

/// <summary>An application waiting for (or given) the county bureau's re-review (复审).</summary>
public sealed class Review : ReviewItem
{
    /// <summary>The county whose reviewers see it.</summary>
    public string CountyId { get; private set; } = string.Empty;

    /// <summary>The judicial office (司法所) that filed it.</summary>
    public string OfficeId { get; private set; } = string.Empty;

    public override ReviewStage Stage => ReviewStage.CountyBureau;

    public override string OwningOrganisation => OfficeId;

    /// <summary>A newly filed application in its county's queue (already withdrawn if the withdrawal overtook it).</summary>
    public static Review Receive(ApplicationDetails application, DateTimeOffset receivedAt, DateTimeOffset dueBy, bool alreadyWithdrawn)
    {
        ArgumentNullException.ThrowIfNull(application);
        var review = new Review { CountyId = application.CountyId, OfficeId = application.OfficeId };
        review.Start(application, receivedAt, dueBy, alreadyWithdrawn);
        return review;
    }
}
