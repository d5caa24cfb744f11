namespace Visitation.Rules.Slots;

/// <summary>
/// A feasible placement of a visit. <see cref="End"/> is when the call ends (what the family is
/// told); <see cref="BlockedUntil"/> adds the changeover and is what a new <see cref="Booking"/> stores.
/// </summary>
public sealed record SlotChoice(
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    TimeOnly BlockedUntil,
    string PrisonTerminal,
    string VenueTerminal);
