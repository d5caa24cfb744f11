using System.Globalization;

namespace Visitation.Rules.Eligibility;

/// <summary>A calendar month: the unit of the visit quota ("每月...一次").</summary>
public sealed record VisitMonth(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>yyyy-MM: the form months travel in (events, columns, API fields).</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>"2027年1月": the form families read in an SMS.</summary>
    public string ChineseName => string.Create(CultureInfo.InvariantCulture, $"{Year}年{Month}月");

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    public static VisitMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>Parses a <see cref="Key"/> already validated where it entered the system.</summary>
    /// <exception cref="FormatException">Not yyyy-MM.</exception>
    public static VisitMonth Parse(string key) =>
        TryParse(key, out var month) ? month : throw new FormatException($"'{key}' is not a yyyy-MM month.");

    public static bool TryParse(string? key, out VisitMonth month)
    {
        var ok = DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first);
        month = ok ? Of(first) : new VisitMonth(1, 1);
        return ok;
    }
}
