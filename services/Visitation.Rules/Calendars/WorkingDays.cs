namespace Visitation.Rules.Calendars;

/// <summary>
/// Review deadlines in working days: Monday to Friday, minus public holidays.
/// </summary>
/// <remarks>
/// The State Council's make-up working weekends (调休上班) are not in our holiday data yet, so a
/// deadline that spans one is a day more generous than the office's own count — never shorter.
/// </remarks>
public static class WorkingDays
{
    /// <summary>The day on which <paramref name="count"/> working days after <paramref name="start"/> have passed (start itself not counted).</summary>
    public static DateOnly After(DateOnly start, int count, IReadOnlyList<HolidayCalendar> holidays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(holidays);
        var day = start;
        for (var counted = 0; counted < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, holidays))
                counted++;
        }

        return day;
    }

    public static bool IsWorkingDay(DateOnly day, IReadOnlyList<HolidayCalendar> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && !holidays.Any(calendar => calendar.Year == day.Year && calendar.HolidayOn(day) is not null);
    }
}
