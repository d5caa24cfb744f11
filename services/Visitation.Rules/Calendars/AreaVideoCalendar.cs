namespace Visitation.Rules.Calendars;

/// <summary>
/// The video-visit days of one prison area (监区): the same days of every month, e.g. 1, 11, 21,
/// plus per-date exceptions.
/// </summary>
public sealed record AreaVideoCalendar(string Area, IReadOnlyList<int> DaysOfMonth, IReadOnlyList<CalendarException> Exceptions);
