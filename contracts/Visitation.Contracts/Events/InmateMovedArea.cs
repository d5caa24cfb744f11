namespace Visitation.Contracts.Events;

/// <summary>
/// An officer moved an inmate to another area (监区) of the same prison from <paramref name="On"/>: the open visits from
/// that day on follow the new area's video days (docs/reoffer-and-moves.md).
/// </summary>
public sealed record InmateMovedArea(
    string PrisonId,
    string InmateNumber,
    string FromArea,
    string ToArea,
    DateOnly On,
    string MovedBy,
    DateTimeOffset OccurredAt);
