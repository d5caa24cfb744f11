namespace Visitation.Rules.Calendars;

/// <summary>
/// A day the area's calendar puts forward, open or not. Closed days are listed with the reason so
/// that staff and families see why a familiar day is missing, rather than silently not seeing it.
/// </summary>
public sealed record CalendarDay(DateOnly Date, bool Open, string? ExcludedReason);
