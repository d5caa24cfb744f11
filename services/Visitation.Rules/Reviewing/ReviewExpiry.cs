using Visitation.Rules.Eligibility;

namespace Visitation.Rules.Reviewing;

/// <summary>
/// Whether an undecided review has run out of time, and which reason the family is told. A month
/// that is over wins over a passed deadline: "apply again for another month" is what the family
/// must do either way, and it is the reason that stays true.
/// </summary>
public static class ReviewExpiry
{
    /// <summary>
    /// The expiry reason, or null while time is left. <paramref name="dueBy"/> is the stage's deadline
    /// (none: only the month bounds it); <paramref name="thisMonthStart"/> the first day of the
    /// current month in China time.
    /// </summary>
    public static RuleFailure? ReasonFor(ReviewStage stage, DateTimeOffset? dueBy, DateOnly visitMonthStart, DateTimeOffset now, DateOnly thisMonthStart)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (visitMonthStart < thisMonthStart)
        {
            return stage.MonthPassed;
        }

        return dueBy is { } due && due <= now ? stage.DeadlinePassed : null;
    }
}
