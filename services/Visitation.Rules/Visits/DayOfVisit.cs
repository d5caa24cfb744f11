namespace Visitation.Rules.Visits;

/// <summary>Whether the family may still check in at the venue.</summary>
public enum CheckInWindow
{
    NotTheDay,
    Open,

    /// <summary>At or after the start: the visit is forfeited (no-show) [N§10–11].</summary>
    TooLate,
}

/// <summary>
/// The clock rules of the day itself, in the prison's local time: the family checks in at the venue
/// on the visit day before the start; from the start on, nobody checked in means a no-show.
/// </summary>
public static class DayOfVisit
{
    public static CheckInWindow CheckIn(DateOnly visitDate, TimeOnly start, DateTime localNow)
    {
        if (DateOnly.FromDateTime(localNow) != visitDate)
            return CheckInWindow.NotTheDay;
        return TimeOnly.FromDateTime(localNow) < start ? CheckInWindow.Open : CheckInWindow.TooLate;
    }

    /// <summary>The prison starts the call on the visit day only: a visit is never held early or late on another day.</summary>
    public static bool IsTheDay(DateOnly visitDate, DateTime localNow) => DateOnly.FromDateTime(localNow) == visitDate;

    /// <summary>How early before its slot a call may start: the family is there, the terminals may be free.</summary>
    public static readonly TimeSpan EarlyStart = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether the call may be connected (started or resumed) now: on the visit day, from a little
    /// before its slot until the end of the time booked for it (visit plus changeover). After that
    /// the terminals belong to the next visit, and what is left of the call is lost [N§15].
    /// </summary>
    public static bool MayConnect(DateOnly visitDate, TimeOnly start, TimeOnly blockedUntil, DateTime localNow) =>
        IsTheDay(visitDate, localNow)
        && localNow >= visitDate.ToDateTime(start) - EarlyStart
        && localNow < visitDate.ToDateTime(blockedUntil);

    /// <summary>The moment the check-in closes and a family not checked in is a no-show.</summary>
    public static DateTimeOffset NoShowAt(DateOnly visitDate, TimeOnly start, TimeSpan localOffset) =>
        new(visitDate.ToDateTime(start), localOffset);
}
