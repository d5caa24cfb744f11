namespace Visitation.Rules.Calendars;

/// <summary>Whether an exception opens a day the rules do not give, or closes one they do.</summary>
public enum CalendarExceptionKind
{
    Add,
    Remove,
}
