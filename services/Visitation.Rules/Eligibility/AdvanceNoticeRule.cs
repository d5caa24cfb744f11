namespace Visitation.Rules.Eligibility;

/// <summary>
/// The application must reach the office N days before the visit day ([Y 二]: "提前10日").
/// </summary>
/// <remarks>
/// Counted as whole days from submission to the visit day: submitted 1 March, visit 11 March is
/// 10 days and allowed. Without a visit day there is nothing to measure yet; the rule runs again
/// when the prison fixes the day.
/// </remarks>
public sealed class AdvanceNoticeRule : IEligibilityRule
{
    public IEnumerable<RuleFailure> Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var advance = context.Policy.AdvanceDays;
        if (advance <= 0 || context.Request.VisitDate is not { } day)
            yield break;
        var days = day.DayNumber - context.Request.SubmittedOn.DayNumber;
        if (days < advance)
            yield return new RuleFailure(
                RuleCodes.AdvanceNoticeTooShort,
                $"会见申请须至少提前{advance}日提交，本次仅提前{Math.Max(days, 0)}日。",
                context.Policy.SourceOf(RuleCodes.AdvanceNoticeTooShort));
    }
}
