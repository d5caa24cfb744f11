namespace Visitation.Rules.Slots;

/// <summary>Why a booked visit no longer fits the calendar and capacity it was booked against.</summary>
public enum BookingProblem
{
    None,

    /// <summary>The day is no longer a video-visit day of the area (an exception removed it, a holiday was added).</summary>
    NotAVisitDay,

    /// <summary>One of its terminals was taken out of service.</summary>
    TerminalRemoved,

    /// <summary>The opening hours changed and the call no longer fits in them.</summary>
    OutsideOpeningHours,
}

/// <summary>
/// Re-checks a booked visit after calendars, holidays or capacity changed (issue 5: nothing booked
/// is silently left on a day that no longer exists). Pure: the caller supplies the current data.
/// </summary>
public static class BookingCheck
{
    public static BookingProblem Check(
        DateOnly date,
        TimeOnly start,
        int minutes,
        string prisonTerminal,
        string venueTerminal,
        IReadOnlyCollection<DateOnly> openDays,
        IReadOnlyList<OpeningWindow> windows,
        IReadOnlyCollection<string> prisonTerminals,
        IReadOnlyCollection<string> venueTerminals)
    {
        ArgumentNullException.ThrowIfNull(openDays);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(prisonTerminals);
        ArgumentNullException.ThrowIfNull(venueTerminals);
        if (!openDays.Contains(date))
            return BookingProblem.NotAVisitDay;
        if (!prisonTerminals.Contains(prisonTerminal) || !venueTerminals.Contains(venueTerminal))
            return BookingProblem.TerminalRemoved;
        var end = start.ToTimeSpan() + TimeSpan.FromMinutes(minutes);
        return windows.Any(w => w.Start <= start && end <= w.End.ToTimeSpan())
            ? BookingProblem.None
            : BookingProblem.OutsideOpeningHours;
    }
}
