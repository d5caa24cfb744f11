namespace Visitation.Rules.Reviewing;

/// <summary>What a decision asked of a review comes to.</summary>
public enum ReviewTransitionKind
{
    /// <summary>Allowed: record the decision now.</summary>
    Move,

    /// <summary>The same decision is already recorded: answer with it, change nothing (a retried call).</summary>
    Repeat,

    /// <summary>Not allowed from where the review stands; <see cref="ReviewTransition.Refusal"/> says why.</summary>
    Refused,
}

/// <summary>The answer of <see cref="ReviewStateMachine.Decide"/>: the kind, and for a refusal its Chinese text.</summary>
public sealed record ReviewTransition(ReviewTransitionKind Kind, string? Refusal = null)
{
    public static ReviewTransition Move { get; } = new(ReviewTransitionKind.Move);

    public static ReviewTransition Repeat { get; } = new(ReviewTransitionKind.Repeat);

    public static ReviewTransition Refuse(string refusal) => new(ReviewTransitionKind.Refused, refusal);
}
