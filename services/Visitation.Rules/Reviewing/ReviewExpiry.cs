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
    /// <param name="awaitingMaterial">
    /// The application is away for more material: <paramref name="dueBy"/> is then the office's time
    /// to hand it in (<see cref="SendBackClock.ResubmitBy"/>), and passing it is <see cref="MaterialNotResubmitted"/>.
    /// </param>
    public static RuleFailure? ReasonFor(ReviewStage stage, DateTimeOffset? dueBy, DateOnly visitMonthStart, DateTimeOffset now, DateOnly thisMonthStart, bool awaitingMaterial = false)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (visitMonthStart < thisMonthStart)
        {
            return stage.MonthPassed;
        }

        if (dueBy is not { } due || due > now)
        {
            return null;
        }

        return awaitingMaterial ? MaterialNotResubmitted : stage.DeadlinePassed;
    }

    /// <summary>The lapse of a sent-back application whose material never came: the family may bring it and apply again.</summary>
    public static RuleFailure MaterialNotResubmitted { get; } =
        new(ReviewReasonCodes.MaterialNotResubmitted, "未在规定期限内补充材料，申请已失效，请补齐材料后重新申请。", "policy choice");
}
