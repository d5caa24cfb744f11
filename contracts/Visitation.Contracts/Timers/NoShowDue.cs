namespace Visitation.Contracts.Timers;

/// <summary>Scheduling's own timer: the visit booked for this date and start begins now; nobody checked in is a no-show.</summary>
public sealed record NoShowDue(Guid VisitId, DateOnly Date, TimeOnly StartTime);
