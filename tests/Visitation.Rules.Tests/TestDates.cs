using System.Globalization;

namespace Visitation.Rules.Tests;

/// <summary>Parses the ISO dates and times written in test tables (attributes cannot hold DateOnly).</summary>
internal static class TestDates
{
    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TimeOnly T(string time) => TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture);
}
