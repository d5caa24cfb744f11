using Visitation.Rules.Calendars;
using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// A month with no bookable day left — the advance notice, the area's video days and the holidays have
/// closed them all — is refused when it is asked for, not after two reviews end in "no slot". The text
/// names the next month that has days so the family can apply for it at once.
/// </summary>
public static class NoVisitDayLeft
{
    /// <summary>What the counter's month field says (and the family hears), naming the next month with a day.</summary>
    public static string Message(VisitMonth month, int advanceDays, VisitMonth? next)
    {
        ArgumentNullException.ThrowIfNull(month);
        var notice = advanceDays > 0 ? $"须提前{advanceDays}日申请，" : "";
        var then = next is null ? "半年内暂无可申请的月份，请联系监狱会见中心" : $"最近可申请{next.ChineseName}";
        return $"{month.ChineseName}已无可安排的视频会见日（{notice}节假日和非会见日不安排），{then}。";
    }

    /// <summary>The refusal the prison records, citing the advance-notice article the days were counted by.</summary>
    public static RuleFailure Failure(VisitPolicy policy, VisitMonth month, VisitMonth? next)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new RuleFailure(RuleCodes.NoVisitDayLeft, Message(month, policy.AdvanceDays, next), policy.SourceOf(RuleCodes.NoVisitDayLeft));
    }

    /// <summary>
    /// The month's bookable days for an application submitted on <paramref name="submittedOn"/>, and when there are
    /// none the next month that has some.
    /// </summary>
    public static (IReadOnlyList<DateOnly> Days, VisitMonth? Next) Judge(
        VisitMonth month, DateOnly submittedOn, int advanceDays, DateOnly today, Func<VisitMonth, IEnumerable<CalendarDay>> daysOf)
    {
        ArgumentNullException.ThrowIfNull(daysOf);
        var earliest = BookableDays.Earliest(submittedOn, advanceDays, today);
        var days = BookableDays.From(daysOf(month), earliest);
        return (days, days.Count > 0 ? null : BookableDays.NextMonthWithDays(month, earliest, daysOf));
    }
}
