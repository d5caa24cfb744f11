namespace Visitation.Scheduling.Data;

/// <summary>
/// Why a visit ended early and who ended it: the stable code, the text the family and the record read, the actor; and
/// the prison's inmate status that asked for it, if one did (its early end re-offers the visit).
/// </summary>
public sealed record VisitOutcome(string ReasonCode, string Reason, string By, Guid? StatusId = null);
