namespace Visitation.Contracts.Events;

public sealed record BureauRejected(
    Guid ApplicationId,
    string CountyId,
    string ReasonCode,
    string Reason,
    string DecidedBy,
    DateTimeOffset OccurredAt);
