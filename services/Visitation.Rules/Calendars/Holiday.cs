namespace Visitation.Rules.Calendars;

/// <summary>A public holiday, both ends inclusive (e.g. 春节 2026-02-15 to 2026-02-23).</summary>
public sealed record Holiday(DateOnly From, DateOnly To, string Name);
