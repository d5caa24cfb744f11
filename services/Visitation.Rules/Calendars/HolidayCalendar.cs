using System.Collections.Frozen;

namespace Visitation.Rules.Calendars;

/// <summary>
/// One year's public holidays, as published by the State Council each autumn. Holidays are data:
/// next year's calendar is loaded, not coded.
/// </summary>
/// <remarks>
/// Written out instead of positionally so that the per-date index is rebuilt whenever
/// <see cref="Holidays"/> is set, including through <c>with</c>, and never drifts from the list.
/// </remarks>
public sealed record HolidayCalendar
{
    private readonly FrozenDictionary<DateOnly, string> _nameByDate = FrozenDictionary<DateOnly, string>.Empty;

    public HolidayCalendar(int year, IReadOnlyList<Holiday> holidays)
    {
        Year = year;
        Holidays = holidays;
    }

    /// <summary>The year the calendar was published for; a holiday may still spill into another year.</summary>
    public int Year { get; init; }

    public IReadOnlyList<Holiday> Holidays
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            // Our own copy: a caller mutating its list afterwards must not desynchronise the index.
            field = [.. value];
            _nameByDate = Index(field);
        }
    }

    /// <summary>The name of the holiday on <paramref name="date"/>, or null on an ordinary day.</summary>
    public string? HolidayOn(DateOnly date) => _nameByDate.GetValueOrDefault(date);

    public void Deconstruct(out int year, out IReadOnlyList<Holiday> holidays)
    {
        year = Year;
        holidays = Holidays;
    }

    // Equality by content: the index is derived state and the list is a private copy.
    public bool Equals(HolidayCalendar? other) =>
        other is not null && Year == other.Year && Holidays.SequenceEqual(other.Holidays);

    public override int GetHashCode() => HashCode.Combine(Year, Holidays.Count);

    // A year has a few dozen holiday days at most, so one entry per day is the cheapest lookup.
    private static FrozenDictionary<DateOnly, string> Index(IReadOnlyList<Holiday> holidays)
    {
        var byDate = new Dictionary<DateOnly, string>();
        foreach (var holiday in holidays)
        {
            if (holiday.To < holiday.From)
                throw new ArgumentException($"Holiday '{holiday.Name}' ends before it starts.", nameof(holidays));
            // Where two entries overlap, the first listed names the day.
            for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
                byDate.TryAdd(day, holiday.Name);
        }
        return byDate.ToFrozenDictionary();
    }
}
