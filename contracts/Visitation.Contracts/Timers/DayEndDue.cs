namespace Visitation.Contracts.Timers;

/// <summary>Scheduling's own timer: the day of the visit checked in for this date is over; whatever is still open of it is closed.</summary>
public sealed record DayEndDue(Guid VisitId, DateOnly Date);
