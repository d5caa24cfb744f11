namespace Visitation.Contracts.Events;

/// <summary>The visit centre confirmed the final time; the county venue and the family are told.</summary>
public sealed record VisitScheduled(
    Guid ApplicationId,
    Guid VisitId,
    string PrisonId,
    string VenueId,
    string VenueName,
    string VenueAddress,
    DateOnly Date,
    TimeOnly StartTime,
    int Minutes,
    string ConfirmedBy,
    DateTimeOffset OccurredAt);
