namespace Visitation.Contracts.Events;

public sealed record PrisonRejected(
    Guid ApplicationId,
    string PrisonId,
    string ReasonCode,
    string Reason,
    string DecidedBy,
    DateTimeOffset OccurredAt);
