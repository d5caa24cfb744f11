using Visitation.Rules.Calendars;

namespace Visitation.Rules.Tests.Calendars;

/// <summary>
/// Yongji Prison (永济监狱, Shanxi) 2026 notice, RULES.md §4, as C# values: the oracle the calendar
/// tests check the rules against. Services load the same facts from JSON (deploy/reference-data).
/// </summary>
/// <remarks>
/// The notice's February adjustment of the on-site days of areas 1 and 2 is published only as an
/// image, so it is not here; it belongs in configuration as calendar exceptions once transcribed.
/// Properties return fresh collections so no caller can alter the reference for everyone else.
/// </remarks>
internal static class YongjiReference
{
    /// <summary>Video-visit days of the month by area. There is no area 8; area 11 takes 8, 18, 28.</summary>
    public static IReadOnlyDictionary<string, int[]> VideoDaysByArea => new Dictionary<string, int[]>
    {
        ["1"] = [1, 11, 21],
        ["2"] = [2, 12, 22],
        ["3"] = [3, 13, 23],
        ["4"] = [4, 14, 24],
        ["5"] = [5, 15, 25],
        ["6"] = [6, 16, 26],
        ["7"] = [7, 17, 27],
        ["9"] = [9, 19, 29],
        ["10"] = [10, 20, 30],
        ["11"] = [8, 18, 28],
    };

    /// <summary>On-site visit day by area. Areas 4 and 5 share a day, as the notice says.</summary>
    public static IReadOnlyDictionary<string, OnSiteDayRule> OnSiteRulesByArea => new Dictionary<string, OnSiteDayRule>
    {
        ["1"] = new(1, null),
        ["2"] = new(1, DayOfWeek.Monday),
        ["3"] = new(2, null),
        ["4"] = new(2, DayOfWeek.Monday),
        ["5"] = new(2, DayOfWeek.Monday),
        ["6"] = new(3, null),
        ["7"] = new(3, DayOfWeek.Monday),
        ["9"] = new(3, DayOfWeek.Tuesday),
        ["10"] = new(4, null),
        ["11"] = new(4, DayOfWeek.Monday),
    };

    /// <summary>2026 public holidays (State Council notice of 2025-11-04).</summary>
    public static HolidayCalendar Holidays2026 { get; } = new(2026,
    [
        new(new(2026, 1, 1), new(2026, 1, 3), "元旦"),
        new(new(2026, 2, 15), new(2026, 2, 23), "春节"),
        new(new(2026, 4, 4), new(2026, 4, 6), "清明节"),
        new(new(2026, 5, 1), new(2026, 5, 5), "劳动节"),
        new(new(2026, 6, 19), new(2026, 6, 21), "端午节"),
        new(new(2026, 9, 25), new(2026, 9, 27), "中秋节"),
        new(new(2026, 10, 1), new(2026, 10, 7), "国庆节"),
    ]);

    /// <summary>The area's video calendar with no exceptions.</summary>
    public static AreaVideoCalendar VideoCalendar(string area) =>
        VideoDaysByArea.TryGetValue(area, out var days)
            ? new AreaVideoCalendar(area, days, [])
            : throw new ArgumentException($"Yongji has no prison area '{area}'.", nameof(area));
}
