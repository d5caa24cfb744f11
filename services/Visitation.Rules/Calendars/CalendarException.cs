namespace Visitation.Rules.Calendars;

/// <summary>
/// A one-off change to an area's calendar on top of its monthly rule, such as a day moved around
/// the Spring Festival (a Remove on the old date plus an Add on the new one).
/// </summary>
public sealed record CalendarException(DateOnly Date, CalendarExceptionKind Kind, string Reason);
