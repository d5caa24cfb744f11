namespace Visitation.Rules.Slots;

/// <summary>
/// What the allocator needs to place one visit: the days it may go on, the opening windows of each
/// day, the terminals at both ends of the call, their existing bookings, and the time a visit takes.
/// </summary>
/// <param name="CandidateDays">Days to try, earliest first (sorted again defensively).</param>
/// <param name="PrisonTerminals">Prison-side terminals in order of preference.</param>
/// <param name="VenueTerminals">Terminals at the family's county-bureau venue, in order of preference.</param>
/// <param name="Bookings">Existing bookings of any of those terminals; others are ignored.</param>
/// <param name="VisitMinutes">Length of the call: 30, or 40 for juvenile inmates in Ningxia.</param>
/// <param name="ChangeoverMinutes">Time a terminal needs after a call before the next one.</param>
/// <param name="StepMinutes">Spacing of the start times offered from each window's start.</param>
public sealed record SlotRequest(
    IReadOnlyList<DateOnly> CandidateDays,
    IReadOnlyList<OpeningWindow> Windows,
    IReadOnlyList<string> PrisonTerminals,
    IReadOnlyList<string> VenueTerminals,
    IReadOnlyList<Booking> Bookings,
    int VisitMinutes,
    int ChangeoverMinutes,
    int StepMinutes);
