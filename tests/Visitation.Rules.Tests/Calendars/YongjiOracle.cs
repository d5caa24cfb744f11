namespace Visitation.Rules.Tests.Calendars;

/// <summary>
/// RULES.md §4 typed in again, independently of <c>YongjiReference</c>, so that a slip in either
/// copy shows up as a test failure rather than agreeing with itself.
/// </summary>
internal static class YongjiOracle
{
    public static readonly IReadOnlyDictionary<string, int[]> VideoDays = new Dictionary<string, int[]>
    {
        ["1"] = [1, 11, 21], ["2"] = [2, 12, 22], ["3"] = [3, 13, 23], ["4"] = [4, 14, 24], ["5"] = [5, 15, 25],
        ["6"] = [6, 16, 26], ["7"] = [7, 17, 27], ["9"] = [9, 19, 29], ["10"] = [10, 20, 30], ["11"] = [8, 18, 28],
    };

    // (month, first day, last day, name) of the 2026 public holidays.
    private static readonly (int Month, int From, int To, string Name)[] Holidays2026 =
    [
        (1, 1, 3, "元旦"), (2, 15, 23, "春节"), (4, 4, 6, "清明节"), (5, 1, 5, "劳动节"),
        (6, 19, 21, "端午节"), (9, 25, 27, "中秋节"), (10, 1, 7, "国庆节"),
    ];

    public static string? HolidayOn(DateOnly date)
    {
        foreach (var (month, from, to, name) in Holidays2026)
        {
            if (date.Year == 2026 && date.Month == month && date.Day >= from && date.Day <= to)
                return name;
        }
        return null;
    }
}
