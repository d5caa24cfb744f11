namespace Visitation.Contracts.Events;

/// <summary>
/// The prison ended a call for a breach of the rules (RULES.md §7). Prison approval turns it into a
/// penalty suspension whose length the prison's policy gives for <see cref="Severity"/>.
/// </summary>
/// <param name="ReasonCode">One of the termination reasons, e.g. RECORDING, CONTRABAND_TALK.</param>
/// <param name="Severity">ordinary, serious or very_serious (the keys of the policy's penalty lengths).</param>
/// <param name="PenaltyMonths">The length the officer chose within the policy's range for the severity.</param>
/// <param name="MinutesUsed">Talking time before the call was ended; the visit counts as held.</param>
public sealed record VisitTerminated(
    Guid ApplicationId,
    Guid VisitId,
    string PrisonId,
    string InmateNumber,
    DateOnly Date,
    string ReasonCode,
    string Reason,
    string Severity,
    int PenaltyMonths,
    int MinutesUsed,
    string TerminatedBy,
    DateTimeOffset OccurredAt);
