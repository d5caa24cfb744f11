using System.Globalization;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// The fixed instants the tests run at (China Standard Time), chosen against the shipped reference
/// data (deploy/reference-data: Yongji's area video days, the 2026 holiday notice) so that the days a
/// test expects exist whatever the machine's date is. An application made on one of these days asks
/// for the next month but one (<see cref="Family.NextVisitMonth"/>).
/// </summary>
public static class TestDates
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>
    /// Monday 2 February 2026, 09:00: the clerks' ordinary working morning. Its visit month is March
    /// 2026, which has no public holiday, so every area's video days (area 3: the 3rd, 13th and 23rd;
    /// area 6: the 6th, 16th, 26th...) are open, and all lie more than the ten days' notice ahead.
    /// February itself still has area 3's 13th ahead by more than ten days (its 23rd is Spring Festival).
    /// The run's clock starts here.
    /// </summary>
    public static readonly DateTimeOffset ApplicationDay = At(2026, 2, 2, 9, 0);

    /// <summary>Where the clock stands when the run starts, before any test sets it.</summary>
    public static readonly DateTimeOffset RunStart = ApplicationDay;

    /// <summary>
    /// Monday 1 June 2026, 09:00: its visit month, July 2026, has no holiday and no other test's
    /// visits, for a test that needs a particular day of the month (e.g. area 3's 23rd) still free.
    /// </summary>
    public static readonly DateTimeOffset JulyApplicationDay = At(2026, 6, 1, 9, 0);

    /// <summary>
    /// Monday 6 July 2026, 09:00: its visit month, August 2026, has no holiday and no other test's
    /// visits, for a test that needs an earlier video day with room as well as a later one.
    /// </summary>
    public static readonly DateTimeOffset AugustApplicationDay = At(2026, 7, 6, 9, 0);

    /// <summary>
    /// Monday 7 September 2026, 09:00: no other test files an application in September, so the managers'
    /// report of that filing month holds the report test's applications only.
    /// </summary>
    public static readonly DateTimeOffset ReportApplicationDay = At(2026, 9, 7, 9, 0);

    /// <summary>An instant in China Standard Time.</summary>
    /// <summary>An ISO date (yyyy-MM-dd, as the API gives it) as an SMS writes it: 2026年3月6日.</summary>
    public static string InSms(string isoDate)
    {
        var d = DateOnly.ParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");
    }

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, China);

    /// <summary>A visit's date (yyyy-MM-dd) and start (HH:mm), plus some minutes, in China Standard Time.</summary>
    public static DateTimeOffset Of(string date, string time, int minutesAfter = 0) =>
        new DateTimeOffset(DateTime.ParseExact($"{date} {time}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), China).AddMinutes(minutesAfter);
}
