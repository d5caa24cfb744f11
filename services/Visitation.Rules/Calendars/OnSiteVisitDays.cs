namespace Visitation.Rules.Calendars;

/// <summary>Resolves on-site visit day rules to dates.</summary>
public static class OnSiteVisitDays
{
    /// <summary>
    /// The date the rule gives in the month, or null when the month has no n-th Sunday (a 5th).
    /// </summary>
    /// <remarks>
    /// "The Monday after the n-th Sunday" is returned even when it falls in the next month
    /// (only possible after a 5th Sunday on the 30th or 31st): it is still the day the rule names,
    /// and the caller, which knows whether that visit counts for this month's quota, decides.
    /// </remarks>
    public static DateOnly? OnSiteDay(OnSiteDayRule rule, int year, int month)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.NthSunday, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rule.NthSunday, 5);

        var first = new DateOnly(year, month, 1);
        var toFirstSunday = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        var sunday = first.AddDays(toFirstSunday + (7 * (rule.NthSunday - 1)));
        if (sunday.Month != month)
            return null;
        if (rule.DayAfter is not { } weekday)
            return sunday;

        // Strictly after: "the Sunday after the first Sunday" is the second Sunday, not the first.
        var daysAfter = ((int)weekday - (int)DayOfWeek.Sunday + 7) % 7;
        return sunday.AddDays(daysAfter == 0 ? 7 : daysAfter);
    }
}
