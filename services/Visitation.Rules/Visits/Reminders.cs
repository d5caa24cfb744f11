namespace Visitation.Rules.Visits;

/// <summary>
/// The SMS reminder before the day (RULES.md §6.4): the day before the visit at a fixed local hour.
/// A visit confirmed after that moment gets none, since its scheduled SMS has only just told them.
/// </summary>
public static class Reminders
{
    /// <summary>Local time of day the reminders go out; a policy choice, not from the documents.</summary>
    public static readonly TimeOnly SendAt = new(10, 0);

    public static DateTimeOffset? DueAt(DateOnly visitDate, DateTimeOffset scheduledAt, TimeSpan localOffset)
    {
        var due = new DateTimeOffset(visitDate.AddDays(-1).ToDateTime(SendAt), localOffset);
        return scheduledAt < due ? due : null;
    }
}
