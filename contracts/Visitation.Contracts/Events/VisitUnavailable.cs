namespace Visitation.Contracts.Events;

/// <summary>No slot exists in the month applied for; the family is told and may apply for NextMonth.</summary>
public sealed record VisitUnavailable(
    Guid ApplicationId,
    string PrisonId,
    string VisitMonth,
    string NextMonth,
    string ReasonCode,
    string Reason,
    DateTimeOffset OccurredAt);
