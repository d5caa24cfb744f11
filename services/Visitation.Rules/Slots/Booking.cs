namespace Visitation.Rules.Slots;

/// <summary>
/// A terminal already taken on a date. <see cref="End"/> includes the changeover after the visit.
/// Terminal ids are unique across prison and venue terminals: a booking names one terminal only.
/// </summary>
public sealed record Booking(string TerminalId, DateOnly Date, TimeOnly Start, TimeOnly End);
