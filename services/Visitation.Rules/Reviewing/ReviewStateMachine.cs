namespace Visitation.Rules.Reviewing;

/// <summary>
/// The one table of a reviewing stage's moves. Everything starts <see cref="ReviewStatus.Pending"/>
/// (or <see cref="ReviewStatus.Withdrawn"/> when the withdrawal overtook it):
/// <code>
///   Pending  → Approved | Rejected | SentBack | Expired | Withdrawn
///   SentBack → Pending (material handed in) | Expired | Withdrawn
///   Approved, Rejected, Expired, Withdrawn: final
/// </code>
/// A reviewer repeating the decision already recorded is answered with it (a retried call must not
/// fail); a different decision on a decided review is refused with a text the officer reads.
/// </summary>
public static class ReviewStateMachine
{
    private static readonly Dictionary<ReviewStatus, ReviewStatus[]> Moves = new()
    {
        [ReviewStatus.Pending] = [ReviewStatus.Approved, ReviewStatus.Rejected, ReviewStatus.SentBack, ReviewStatus.Expired, ReviewStatus.Withdrawn],
        [ReviewStatus.SentBack] = [ReviewStatus.Pending, ReviewStatus.Expired, ReviewStatus.Withdrawn],
    };

    /// <summary>The decisions a reviewer takes; expiry and withdrawal happen to a review, nobody decides them.</summary>
    public static IReadOnlyList<ReviewStatus> ReviewerDecisions { get; } = [ReviewStatus.Approved, ReviewStatus.Rejected, ReviewStatus.SentBack];

    public static bool CanMove(ReviewStatus from, ReviewStatus to) =>
        Moves.TryGetValue(from, out var allowed) && allowed.Contains(to);

    /// <summary>What a reviewer's <paramref name="decision"/> comes to on a review standing at <paramref name="current"/>.</summary>
    public static ReviewTransition Decide(ReviewStage stage, ReviewStatus current, ReviewStatus decision)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (!ReviewerDecisions.Contains(decision))
        {
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "Not a reviewer's decision.");
        }

        if (current == decision)
        {
            return ReviewTransition.Repeat;
        }

        if (CanMove(current, decision))
        {
            return ReviewTransition.Move;
        }

        return ReviewTransition.Refuse(current switch
        {
            ReviewStatus.Withdrawn => ReviewRefusals.Withdrawn,
            ReviewStatus.Expired => stage.ExpiredRefusal,
            ReviewStatus.SentBack => ReviewRefusals.AwaitingMaterial,
            _ => stage.DecidedOtherwiseRefusal,
        });
    }
}
