using Visitation.Rules.Slots;

namespace Visitation.Application.Features.Submit;

/// <summary>The family's preferred dates (sorted) and part of day, as validated.</summary>
public sealed record ValidPreference(IReadOnlyList<DateOnly> Dates, PartOfDay PartOfDay);
