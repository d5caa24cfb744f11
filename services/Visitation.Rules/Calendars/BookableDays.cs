using Visitation.Rules.Eligibility;

namespace Visitation.Rules.Calendars;

/// <summary>
/// Which of a month's open video days an application can still be booked on. One definition for the
/// counter, the prison's approval and scheduling, so a month the counter accepts is a month scheduling
/// can fill: a day no earlier than the advance notice counted from submission, and never today.
/// </summary>
public static class BookableDays
{
    /// <summary>How far ahead the counter looks for the next month with a day: as far as it may book (CounterFields: three months) and then some.</summary>
    public const int SearchMonths = 6;

    /// <summary>The first day a visit applied for on <paramref name="submittedOn"/> may take place, judged on <paramref name="today"/>.</summary>
    public static DateOnly Earliest(DateOnly submittedOn, int advanceDays, DateOnly today)
    {
        var afterNotice = submittedOn.AddDays(Math.Max(advanceDays, 0));
        var tomorrow = today.AddDays(1);
        return afterNotice > tomorrow ? afterNotice : tomorrow;
    }

    /// <summary>The open days on or after <paramref name="earliest"/>, in date order.</summary>
    public static IReadOnlyList<DateOnly> From(IEnumerable<CalendarDay> days, DateOnly earliest)
    {
        ArgumentNullException.ThrowIfNull(days);
        return [.. days.Where(d => d.Open && d.Date >= earliest).Select(d => d.Date).Distinct().Order()];
    }

    /// <summary>
    /// The first month after <paramref name="month"/> with a bookable day, looking <see cref="SearchMonths"/> ahead;
    /// null when none has (an area with no video days at all, or a calendar closed for half a year).
    /// </summary>
    public static VisitMonth? NextMonthWithDays(VisitMonth month, DateOnly earliest, Func<VisitMonth, IEnumerable<CalendarDay>> daysOf)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(daysOf);
        var next = month;
        for (var i = 0; i < SearchMonths; i++)
        {
            next = VisitMonth.Of(next.FirstDay.AddMonths(1));
            if (From(daysOf(next), earliest).Count > 0)
            {
                return next;
            }
        }

        return null;
    }
}
