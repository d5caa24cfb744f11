namespace Visitation.Contracts.Events;

/// <summary>Days (both ends inclusive; no end: every later day) on which a visit must not be placed, and why.</summary>
public sealed record DayRange(DateOnly From, DateOnly? To, string ReasonCode, string Reason);
