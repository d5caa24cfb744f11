namespace Visitation.Contracts.Events;

/// <summary>The visit is tomorrow and still on: the family is reminded of the time, the place and what to bring.</summary>
public sealed record VisitReminderDue(
    Guid ApplicationId,
    Guid VisitId,
    string PrisonId,
    string VenueId,
    string VenueName,
    string VenueAddress,
    DateOnly Date,
    TimeOnly StartTime,
    int Minutes,
    DateTimeOffset OccurredAt);
