namespace Visitation.Rules.Calendars;

/// <summary>Expands an area's video-visit rule into dated days, applying holidays and exceptions.</summary>
public static class VideoVisitDays
{
    /// <summary>Prefix of the reason on a day closed by a public holiday.</summary>
    public const string HolidayReasonPrefix = "法定节假日：";

    /// <summary>
    /// Every candidate day of the month in date order: the rule days that exist in the month
    /// (no 30 February) and the days added by exceptions. Precedence on one date:
    /// a holiday closes it (video visits pause on public holidays, whatever an exception says);
    /// then a Remove closes it (also against an Add on the same date: closing is the safe side);
    /// otherwise it is open. A Remove for a date that is not a candidate changes nothing and is not listed.
    /// </summary>
    public static IReadOnlyList<CalendarDay> ForMonth(
        AreaVideoCalendar calendar, IReadOnlyList<HolidayCalendar> holidays, int year, int month)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(holidays);
        var daysInMonth = DateTime.DaysInMonth(year, month); // also rejects an invalid year or month

        var candidates = new SortedSet<DateOnly>();
        foreach (var day in calendar.DaysOfMonth)
        {
            if (day is < 1 or > 31)
                throw new ArgumentException($"Area {calendar.Area} has day of month {day}.", nameof(calendar));
            if (day <= daysInMonth)
                candidates.Add(new DateOnly(year, month, day));
        }

        var removals = new Dictionary<DateOnly, string>();
        foreach (var exception in calendar.Exceptions)
        {
            if (exception.Date.Year != year || exception.Date.Month != month)
                continue;
            if (exception.Kind == CalendarExceptionKind.Add)
                candidates.Add(exception.Date);
            else
                removals.TryAdd(exception.Date, exception.Reason);
        }

        var days = new List<CalendarDay>(candidates.Count);
        foreach (var date in candidates)
            days.Add(Classify(date, holidays, removals));
        return days;
    }

    /// <summary>
    /// Open days on or after <paramref name="from"/>, in order, through the month of
    /// <paramref name="from"/> and the <paramref name="monthsAhead"/> months after it
    /// (0 = that month only).
    /// </summary>
    public static IEnumerable<DateOnly> OpenDaysFrom(
        AreaVideoCalendar calendar, IReadOnlyList<HolidayCalendar> holidays, DateOnly from, int monthsAhead)
    {
        // Checked here, not inside the iterator, so a bad call fails where it is made.
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentOutOfRangeException.ThrowIfNegative(monthsAhead);
        return Iterate(calendar, holidays, from, monthsAhead);
    }

    private static IEnumerable<DateOnly> Iterate(
        AreaVideoCalendar calendar, IReadOnlyList<HolidayCalendar> holidays, DateOnly from, int monthsAhead)
    {
        var firstOfMonth = new DateOnly(from.Year, from.Month, 1);
        for (var i = 0; i <= monthsAhead; i++)
        {
            var month = firstOfMonth.AddMonths(i);
            foreach (var day in ForMonth(calendar, holidays, month.Year, month.Month))
            {
                if (day.Open && day.Date >= from)
                    yield return day.Date;
            }
        }
    }

    private static CalendarDay Classify(
        DateOnly date, IReadOnlyList<HolidayCalendar> holidays, Dictionary<DateOnly, string> removals)
    {
        foreach (var calendar in holidays)
        {
            if (calendar.HolidayOn(date) is { } name)
                return new CalendarDay(date, false, HolidayReasonPrefix + name);
        }
        return removals.TryGetValue(date, out var reason)
            ? new CalendarDay(date, false, reason)
            : new CalendarDay(date, true, null);
    }
}
