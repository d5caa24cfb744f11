using Visitation.Scheduling.Data;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>
/// Where and how long a visit must be, and from which day of which month it may be held; days the
/// prison asked not to use for this application (<see cref="Avoid"/>) are skipped, and so are days on which
/// the inmate (<see cref="InmateNumber"/>, when known) already has the policy's number of video visits.
/// <see cref="OnlyDays"/>, when given, narrows the month to those days, so only their bookings are read.
/// </summary>
public sealed record SlotSearch(
    string PrisonId,
    string Area,
    string VenueId,
    int Minutes,
    DateOnly EarliestDate,
    DateOnly Month,
    Guid? ExcludingVisit = null,
    IReadOnlyList<CancellationRequest>? Avoid = null,
    string? InmateNumber = null,
    IReadOnlyCollection<DateOnly>? OnlyDays = null);
