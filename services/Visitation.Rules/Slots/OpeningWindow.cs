namespace Visitation.Rules.Slots;

/// <summary>A period of a visit day in which visits may take place, e.g. 09:00–11:30.</summary>
public sealed record OpeningWindow(TimeOnly Start, TimeOnly End);
