using System.Globalization;

namespace Visitation.Rules.Calendars;

/// <summary>
/// The days the national holiday regulations (《全国年节及纪念日放假办法》, as revised in 2024) make
/// public holidays in every year, whether or not that year's State Council notice has been loaded:
/// 元旦 1 January; 春节 除夕 to 正月初三 (lunar); 清明节 the day of the solar term; 劳动节 1–2 May;
/// 端午节 五月初五 and 中秋节 八月十五 (lunar); 国庆节 1–3 October. Each year's notice adds the
/// bridging days and makes-up working days (调休); it may add days, never take these away.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The first year computed: the Qingming formula's constant holds for 2000–2099.</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2099;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    private static readonly Lazy<IReadOnlyList<HolidayCalendar>> Every =
        new(() => [.. Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(Calendar)]);

    /// <summary>The statutory holidays of every year computed, one calendar a year.</summary>
    public static IReadOnlyList<HolidayCalendar> All => Every.Value;

    /// <summary>The statutory holidays of <paramref name="year"/>, each festival as one run of days.</summary>
    public static IReadOnlyList<Holiday> Of(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        var newYear = LunarDate(year, 1, 1);
        return
        [
            new(new DateOnly(year, 1, 1), new DateOnly(year, 1, 1), "元旦"),
            // 除夕 is the last day of the lunar year, whether the twelfth month has 29 days or 30.
            new(newYear.AddDays(-1), newYear.AddDays(2), "春节"),
            new(Qingming(year), Qingming(year), "清明节"),
            new(new DateOnly(year, 5, 1), new DateOnly(year, 5, 2), "劳动节"),
            new(LunarDate(year, 5, 5), LunarDate(year, 5, 5), "端午节"),
            new(LunarDate(year, 8, 15), LunarDate(year, 8, 15), "中秋节"),
            new(new DateOnly(year, 10, 1), new DateOnly(year, 10, 3), "国庆节"),
        ];
    }

    /// <summary>The statutory days of <paramref name="year"/> as one calendar (what is offered when no notice is loaded).</summary>
    public static HolidayCalendar Calendar(int year) => new(year, Of(year));

    /// <summary>
    /// The statutory days of <paramref name="year"/> that <paramref name="notice"/> leaves as ordinary days,
    /// with their festival's name: a notice that leaves any is wrong (or for another year) and is refused.
    /// </summary>
    public static IReadOnlyList<string> MissingFrom(HolidayCalendar notice, int year)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return
        [
            .. Of(year)
                .SelectMany(holiday => Days(holiday).Select(day => (day, holiday.Name)))
                .Where(statutory => notice.HolidayOn(statutory.day) is null)
                .Select(statutory => $"{statutory.day:yyyy-MM-dd}（{statutory.Name}）"),
        ];
    }

    /// <summary>
    /// 清明: the day the sun reaches 15° of longitude, which falls on 4 or 5 April this century. The
    /// usual closed form for the 21st century (day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋, Y the year's last two
    /// digits) gives it without an ephemeris; the table test checks it against the published notices.
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        var y = year % 100;
        var day = (int)Math.Floor((y * 0.2422) + 4.81) - (y / 4);
        return new DateOnly(year, 4, day);
    }

    /// <summary>The Gregorian day of lunar <paramref name="month"/>/<paramref name="day"/> of the lunar year that starts in <paramref name="year"/>.</summary>
    private static DateOnly LunarDate(int year, int month, int day)
    {
        // In a year with a leap month, the calendar numbers the leap month after the ordinary one of the
        // same name: months from the leap month on sit one place later.
        var leap = Lunar.GetLeapMonth(year);
        var position = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, position, day, 0, 0, 0, 0));
    }

    private static IEnumerable<DateOnly> Days(Holiday holiday)
    {
        for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
