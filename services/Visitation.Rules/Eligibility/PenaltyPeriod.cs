using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// The suspension that follows a terminated visit ([Y 十], RULES.md §7): from the day after the visit,
/// for the months the officer chose within the policy's range for the severity.
/// </summary>
public static class PenaltyPeriod
{
    /// <summary>Null when the severity is unknown to the policy or the months are outside its range.</summary>
    public static StatusPeriod? For(VisitPolicy policy, string severity, int months, DateOnly visitDate, string reason)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.PenaltyMonthsBySeverity.TryGetValue(severity, out var range) || !range.Allows(months))
            return null;
        // "暂停会见N个月" from a visit on the 10th: suspended from the 11th, visits again from the 10th
        // N months on — the same day of the month, as a family would count it.
        return new StatusPeriod(StatusKinds.Penalty, visitDate.AddDays(1), visitDate.AddMonths(months).AddDays(-1), reason);
    }
}
