namespace Visitation.Contracts.Events;

/// <summary>
/// A status that had no end (<paramref name="StatusId"/>) was ended early on <paramref name="LastDay"/>: prison approval
/// has given the application's visit back its place in the month's quota and asks scheduling to offer a day after the
/// end for the visit the status cancelled (or tell the family there is none). Scheduling narrows the status's range to
/// end on <paramref name="LastDay"/> either way.
/// </summary>
public sealed record VisitReofferRequested(
    Guid ApplicationId,
    string PrisonId,
    string InmateNumber,
    Guid StatusId,
    DateOnly LastDay,
    string RequestedBy,
    DateTimeOffset OccurredAt);
