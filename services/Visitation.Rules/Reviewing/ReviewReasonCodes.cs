namespace Visitation.Rules.Reviewing;

/// <summary>The reason codes a reviewing stage records on its own (not from the eligibility rules).</summary>
public static class ReviewReasonCodes
{
    /// <summary>The stage's working-day deadline passed before it decided.</summary>
    public const string DeadlinePassed = "REVIEW_DEADLINE_PASSED";

    /// <summary>The visit month ended before the stage decided: no visit can be held any more.</summary>
    public const string MonthPassed = "VISIT_MONTH_PASSED";
}
