namespace Visitation.Contracts.Events;

/// <summary>The family did not check in at the venue by the start time; the province's policy says whether it uses the quota.</summary>
public sealed record VisitNoShow(
    Guid ApplicationId,
    Guid VisitId,
    string PrisonId,
    string InmateNumber,
    DateOnly Date,
    DateTimeOffset OccurredAt);
