namespace Visitation.Contracts.Events;

/// <summary>The call took place; <see cref="MinutesUsed"/> is the real talking time across reconnections.</summary>
public sealed record VisitCompleted(
    Guid ApplicationId,
    Guid VisitId,
    string PrisonId,
    string InmateNumber,
    DateOnly Date,
    int MinutesUsed,
    string CompletedBy,
    DateTimeOffset OccurredAt);
