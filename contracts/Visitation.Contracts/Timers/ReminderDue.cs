namespace Visitation.Contracts.Timers;

/// <summary>Scheduling's own timer: the day before the visit booked for this date and start, the family is reminded.</summary>
public sealed record ReminderDue(Guid VisitId, DateOnly Date, TimeOnly StartTime);
