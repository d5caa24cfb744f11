namespace Visitation.Contracts.Events;

/// <summary>Scheduling found the earliest feasible slot and holds it until the visit centre confirms.</summary>
public sealed record VisitProposed(
    Guid ApplicationId,
    Guid VisitId,
    string PrisonId,
    string VenueId,
    DateOnly Date,
    TimeOnly StartTime,
    int Minutes,
    DateTimeOffset HoldExpiresAt,
    DateTimeOffset OccurredAt);
