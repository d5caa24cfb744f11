namespace Visitation.Rules.Calendars;

/// <summary>
/// An on-site visit day: "the n-th Sunday of the month" when <see cref="DayAfter"/> is null, or
/// "the first <see cref="DayAfter"/> after the n-th Sunday" (Yongji uses the Monday and Tuesday after).
/// </summary>
public sealed record OnSiteDayRule(int NthSunday, DayOfWeek? DayAfter);
