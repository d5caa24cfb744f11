namespace Visitation.Scheduling.Data;

/// <summary>Why a visit ended early and who ended it: the stable code, the text the family and the record read, the actor.</summary>
public sealed record VisitOutcome(string ReasonCode, string Reason, string By);
