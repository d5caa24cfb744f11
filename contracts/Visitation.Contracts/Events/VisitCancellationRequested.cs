namespace Visitation.Contracts.Events;

/// <summary>
/// Prison approval asks scheduling to cancel the application's visit if it falls on a day from
/// <see cref="From"/> to <see cref="To"/> (inclusive; no end: every later day), because the inmate
/// was suspended, transferred or released, or a visitor was barred after the approval.
/// A visit outside the range, already held or already cancelled is left alone.
/// </summary>
/// <param name="StatusId">The inmate status (suspension, penalty) that asks, if one does: ending it early re-offers what it cancelled (<see cref="VisitReofferRequested"/>).</param>
public sealed record VisitCancellationRequested(
    Guid ApplicationId,
    string PrisonId,
    string InmateNumber,
    DateOnly From,
    DateOnly? To,
    string ReasonCode,
    string Reason,
    string RequestedBy,
    DateTimeOffset OccurredAt,
    Guid? StatusId = null);
