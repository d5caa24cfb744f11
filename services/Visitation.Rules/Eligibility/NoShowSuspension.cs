using System.Globalization;
using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// The no-show option's arithmetic (<see cref="NoShowSuspensionPolicy"/>): a family's no-shows with one
/// inmate, and whether a new application made on a given day falls inside a suspension they caused.
/// A suspension starts on the day of the no-show that made <c>NoShows</c> within <c>WithinMonths</c>
/// months (both ends of that stretch counted: the first no-show is less than the months before the
/// last) and runs to the day before the same date <c>SuspendMonths</c> months later.
/// </summary>
public static class NoShowSuspension
{
    /// <summary>
    /// The first day the family may apply again, when an application made on <paramref name="day"/> is
    /// inside a suspension; null when it is not (or the option is off). No-shows after the day do not count.
    /// </summary>
    public static DateOnly? AllowedAgainOn(NoShowSuspensionPolicy? policy, IEnumerable<DateOnly> noShows, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(noShows);
        if (policy is not { Enabled: true } || policy.NoShows < 1)
            return null;

        var dates = noShows.Where(d => d <= day).Order().ToList();
        DateOnly? until = null;
        for (var last = policy.NoShows - 1; last < dates.Count; last++)
        {
            var first = dates[last - policy.NoShows + 1];
            var end = dates[last].AddMonths(policy.SuspendMonths);
            if (first > dates[last].AddMonths(-policy.WithinMonths) && day < end && (until is null || end > until))
                until = end;
        }

        return until;
    }

    /// <summary>"会见人近6个月内已有2次预约会见未到场，2027年3月4日前不受理新的会见申请，2027年3月5日起可再申请。"</summary>
    public static string Message(NoShowSuspensionPolicy policy, DateOnly allowedAgainOn)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var lastDay = allowedAgainOn.AddDays(-1).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var again = allowedAgainOn.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        return $"会见人近{policy.WithinMonths}个月内已有{policy.NoShows}次预约会见未到场，{lastDay}前不受理新的会见申请，{again}起可再申请。";
    }
}

/// <summary>
/// Refuses a new application while its family is inside a no-show suspension (<see cref="NoShowSuspension"/>),
/// judged on the day it is made (<see cref="VisitRequest.SubmittedOn"/>): the option suspends new
/// bookings, not visits already approved. The family's no-shows are the caller's facts
/// (<see cref="VisitRequest.FamilyNoShows"/>).
/// </summary>
public sealed class NoShowSuspensionRule : IEligibilityRule
{
    public IEnumerable<RuleFailure> Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var policy = context.Policy.NoShowSuspension;
        if (NoShowSuspension.AllowedAgainOn(policy, context.Request.FamilyNoShows ?? [], context.Request.SubmittedOn) is { } again)
            yield return new RuleFailure(RuleCodes.NoShowSuspension, NoShowSuspension.Message(policy, again), context.Policy.SourceOf(RuleCodes.NoShowSuspension));
    }
}
