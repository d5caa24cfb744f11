using Visitation.Rules.Calendars;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Calendars;

public sealed class OnSiteVisitDaysTests
{
    [Theory]
    [InlineData("1", "2026-03-01", DayOfWeek.Sunday, 1)]
    [InlineData("2", "2026-03-02", DayOfWeek.Monday, 1)]
    [InlineData("3", "2026-03-08", DayOfWeek.Sunday, 2)]
    [InlineData("4", "2026-03-09", DayOfWeek.Monday, 2)]
    [InlineData("5", "2026-03-09", DayOfWeek.Monday, 2)]
    [InlineData("6", "2026-03-15", DayOfWeek.Sunday, 3)]
    [InlineData("7", "2026-03-16", DayOfWeek.Monday, 3)]
    [InlineData("9", "2026-03-17", DayOfWeek.Tuesday, 3)]
    [InlineData("10", "2026-03-22", DayOfWeek.Sunday, 4)]
    [InlineData("11", "2026-03-23", DayOfWeek.Monday, 4)]
    public void ShippedYongjiDaysOfMarch2026(string area, string expected, DayOfWeek weekday, int nthSunday)
    {
        var date = D(expected);
        // Do not trust the table: the expected date must be that weekday, right after the n-th Sunday.
        Assert.Equal(weekday, date.DayOfWeek);
        var sunday = date.AddDays(-(int)weekday);
        Assert.Equal(nthSunday, ((sunday.Day - 1) / 7) + 1);

        Assert.Equal(date, ShippedReferenceData.Calendars.OnSiteDay(ShippedReferenceData.Yongji, area, 2026, 3));
    }

    public static TheoryData<string, int> EveryAreaAndMonth2026() => YongjiVideoCalendarTests.EveryAreaAndMonth2026();

    [Theory]
    [MemberData(nameof(EveryAreaAndMonth2026))]
    public void ShippedRulesGiveTheNoticesDayEveryMonth(string area, int month)
    {
        Assert.Equal(
            YongjiOracle.OnSiteDay(area, 2026, month),
            ShippedReferenceData.Calendars.OnSiteDay(ShippedReferenceData.Yongji, area, 2026, month));
    }

    [Theory]
    [InlineData(5, null, 2026, 2, null)] // February 2026 has four Sundays
    [InlineData(5, null, 2026, 3, "2026-03-29")]
    [InlineData(5, DayOfWeek.Monday, 2026, 3, "2026-03-30")]
    [InlineData(5, DayOfWeek.Monday, 2026, 5, "2026-06-01")] // 5th Sunday is 31 May: the Monday after is in June
    [InlineData(1, DayOfWeek.Sunday, 2026, 3, "2026-03-08")] // "the Sunday after" is the next one, not the same day
    [InlineData(1, DayOfWeek.Saturday, 2026, 3, "2026-03-07")]
    [InlineData(1, null, 2026, 1, "2026-01-04")]
    [InlineData(4, DayOfWeek.Monday, 2026, 2, "2026-02-23")]
    public void EdgeCases(int nth, DayOfWeek? after, int year, int month, string? expected)
    {
        Assert.Equal(expected is null ? null : D(expected), OnSiteVisitDays.OnSiteDay(new(nth, after), year, month));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void RejectsImpossibleNthSunday(int nth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OnSiteVisitDays.OnSiteDay(new(nth, null), 2026, 3));
    }
}
