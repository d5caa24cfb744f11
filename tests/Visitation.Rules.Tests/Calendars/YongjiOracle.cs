namespace Visitation.Rules.Tests.Calendars;

/// <summary>
/// What the documents say, typed in by hand independently of the shipped JSON, so that a slip in
/// <c>deploy/reference-data</c> shows up as a test failure rather than agreeing with itself.
/// Video and on-site days: the Yongji 2026 notice (shared/seeds/000_…, 二、会见时间). Holidays:
/// the State Council notice of 2025-11-04 on the 2026 public holidays.
/// </summary>
internal static class YongjiOracle
{
    /// <summary>"每月1日、11日、21日" and so on. There is no area 8; area 11 takes 8, 18, 28.</summary>
    public static readonly IReadOnlyDictionary<string, int[]> VideoDays = new Dictionary<string, int[]>
    {
        ["1"] = [1, 11, 21], ["2"] = [2, 12, 22], ["3"] = [3, 13, 23], ["4"] = [4, 14, 24], ["5"] = [5, 15, 25],
        ["6"] = [6, 16, 26], ["7"] = [7, 17, 27], ["9"] = [9, 19, 29], ["10"] = [10, 20, 30], ["11"] = [8, 18, 28],
    };

    /// <summary>
    /// On-site day as (n-th Sunday, weekday after it or null for the Sunday itself): "每月的第一个周日"
    /// is (1, null), "每月第三个周日之后的周二" is (3, Tuesday). Areas 4 and 5 share a day.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (int NthSunday, DayOfWeek? After)> OnSite =
        new Dictionary<string, (int, DayOfWeek?)>
        {
            ["1"] = (1, null), ["2"] = (1, DayOfWeek.Monday),
            ["3"] = (2, null), ["4"] = (2, DayOfWeek.Monday), ["5"] = (2, DayOfWeek.Monday),
            ["6"] = (3, null), ["7"] = (3, DayOfWeek.Monday), ["9"] = (3, DayOfWeek.Tuesday),
            ["10"] = (4, null), ["11"] = (4, DayOfWeek.Monday),
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

    /// <summary>The on-site day by brute force: list the month's Sundays, take the n-th, walk to the weekday.</summary>
    public static DateOnly? OnSiteDay(string area, int year, int month)
    {
        var (nth, after) = OnSite[area];
        var sundays = Enumerable.Range(1, DateTime.DaysInMonth(year, month))
            .Select(day => new DateOnly(year, month, day))
            .Where(date => date.DayOfWeek == DayOfWeek.Sunday)
            .ToList();
        if (nth > sundays.Count)
            return null;
        var sunday = sundays[nth - 1];
        return after is { } weekday
            ? Enumerable.Range(1, 7).Select(sunday.AddDays).First(date => date.DayOfWeek == weekday)
            : sunday;
    }
}
