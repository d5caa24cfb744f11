namespace Visitation.Rules.Slots;

/// <summary>When in the day a family would rather have its call: county buses often arrive only at noon.</summary>
public enum PartOfDay
{
    Any,
    Morning,
    Afternoon,
}

/// <summary>
/// What the family told the clerk it would prefer: some days of the visit month, a part of the day,
/// or both. A preference, never a constraint: the allocator falls back when it cannot be met.
/// </summary>
/// <param name="Days">Preferred dates; empty when any visit day suits.</param>
/// <param name="PartOfDay">Preferred part of the day; <see cref="Slots.PartOfDay.Any"/> when any suits.</param>
public sealed record SlotPreference(IReadOnlyCollection<DateOnly> Days, PartOfDay PartOfDay)
{
    /// <summary>Noon divides the day: a call starting before 12:00 is a morning call.</summary>
    public static readonly TimeOnly Noon = new(12, 0);

    public static SlotPreference None { get; } = new([], PartOfDay.Any);

    public bool IsEmpty => Days.Count == 0 && PartOfDay == PartOfDay.Any;

    /// <summary>The stable codes used in APIs and storage: "morning", "afternoon"; empty for any.</summary>
    public static string Code(PartOfDay part) => part switch
    {
        PartOfDay.Morning => "morning",
        PartOfDay.Afternoon => "afternoon",
        _ => string.Empty,
    };

    /// <summary>Reads a code written by <see cref="Code"/>; empty or null is <see cref="PartOfDay.Any"/>, anything else false.</summary>
    public static bool TryParsePartOfDay(string? code, out PartOfDay part)
    {
        (part, var known) = code switch
        {
            null or "" => (PartOfDay.Any, true),
            "morning" => (PartOfDay.Morning, true),
            "afternoon" => (PartOfDay.Afternoon, true),
            _ => (PartOfDay.Any, false),
        };
        return known;
    }

    /// <summary>True when the family stated a preference and a call at this date and start meets all of it.</summary>
    public bool IsMetBy(DateOnly date, TimeOnly start) => !IsEmpty && MatchesDay(date) && MatchesPart(start);

    internal bool MatchesDay(DateOnly date) => Days.Count == 0 || Days.Contains(date);

    internal bool MatchesPart(TimeOnly start) => PartOfDay switch
    {
        PartOfDay.Morning => start < Noon,
        PartOfDay.Afternoon => start >= Noon,
        _ => true,
    };
}

/// <summary>A slot chosen for a family, and whether it meets everything the family said it preferred.</summary>
/// <param name="MatchesPreference">True only when the family stated a preference and this slot meets all of it.</param>
public sealed record PreferredSlot(SlotChoice Slot, bool MatchesPreference);
