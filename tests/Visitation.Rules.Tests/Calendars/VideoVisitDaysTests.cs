using Visitation.Rules.Calendars;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Calendars;

public sealed class VideoVisitDaysTests
{
    private static readonly HolidayCalendar[] Holidays2026 = [ShippedReferenceData.HolidaysOf(2026)];

    private static AreaVideoCalendar Area1(params CalendarException[] exceptions) =>
        new("1", [1, 11, 21], exceptions);

    [Fact]
    public void SpringFestivalMoveRemovesOneDayAndAddsAnother()
    {
        var calendar = Area1(
            new(D("2026-02-01"), CalendarExceptionKind.Remove, "春节调整"),
            new(D("2026-02-08"), CalendarExceptionKind.Add, "春节调整"));

        var days = VideoVisitDays.ForMonth(calendar, Holidays2026, 2026, 2);

        Assert.Equal(
            [
                new CalendarDay(D("2026-02-01"), false, "春节调整"),
                new CalendarDay(D("2026-02-08"), true, null),
                new CalendarDay(D("2026-02-11"), true, null),
                new CalendarDay(D("2026-02-21"), false, "法定节假日：春节"),
            ],
            days);
    }

    [Theory]
    [InlineData("2026-02-16", CalendarExceptionKind.Add, false, "法定节假日：春节")] // an added day cannot beat a holiday
    [InlineData("2026-02-21", CalendarExceptionKind.Remove, false, "法定节假日：春节")] // the holiday names the closure
    [InlineData("2026-02-11", CalendarExceptionKind.Remove, false, "设备检修")]
    [InlineData("2026-02-12", CalendarExceptionKind.Add, true, null)]
    public void ExceptionMeetsHolidayOrRuleDay(string date, CalendarExceptionKind kind, bool open, string? reason)
    {
        var calendar = Area1(new CalendarException(D(date), kind, "设备检修"));

        var days = VideoVisitDays.ForMonth(calendar, Holidays2026, 2026, 2);

        Assert.Equal(new CalendarDay(D(date), open, reason), Assert.Single(days, d => d.Date == D(date)));
    }

    [Fact]
    public void RemoveWinsOverAddOnTheSameDate()
    {
        var calendar = Area1(
            new(D("2026-03-05"), CalendarExceptionKind.Add, "加开"),
            new(D("2026-03-05"), CalendarExceptionKind.Remove, "取消加开"));

        var day = Assert.Single(VideoVisitDays.ForMonth(calendar, Holidays2026, 2026, 3), d => d.Date == D("2026-03-05"));

        Assert.False(day.Open);
        Assert.Equal("取消加开", day.ExcludedReason);
    }

    [Fact]
    public void RemovingANonRuleDayListsNothingAndOtherMonthsAreUntouched()
    {
        var calendar = Area1(
            new(D("2026-03-05"), CalendarExceptionKind.Remove, "无效"),
            new(D("2026-04-15"), CalendarExceptionKind.Add, "下月加开"));

        var days = VideoVisitDays.ForMonth(calendar, Holidays2026, 2026, 3);

        Assert.Equal([D("2026-03-01"), D("2026-03-11"), D("2026-03-21")], days.Select(d => d.Date));
        Assert.All(days, d => Assert.True(d.Open));
    }

    [Fact]
    public void OpenDaysFromSkipsEarlierAndClosedDaysAcrossMonths()
    {
        var open = VideoVisitDays.OpenDaysFrom(Area1(), Holidays2026, D("2026-01-05"), monthsAhead: 2);

        Assert.Equal(
            ["2026-01-11", "2026-01-21", "2026-02-01", "2026-02-11", "2026-03-01", "2026-03-11", "2026-03-21"],
            open.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void OpenDaysFromCrossesTheYearUsingEachYearsCalendar()
    {
        // Test data, not the real 2027 calendar: one closed day is enough to prove it is consulted.
        var holidays = new[] { ShippedReferenceData.HolidaysOf(2026), new HolidayCalendar(2027, [new(D("2027-01-01"), D("2027-01-01"), "元旦")]) };

        var open = VideoVisitDays.OpenDaysFrom(Area1(), holidays, D("2026-12-21"), monthsAhead: 1);

        Assert.Equal([D("2026-12-21"), D("2027-01-11"), D("2027-01-21")], open);
    }

    [Fact]
    public void ZeroMonthsAheadMeansTheMonthOfFromOnly()
    {
        Assert.Equal([D("2026-03-21")], VideoVisitDays.OpenDaysFrom(Area1(), Holidays2026, D("2026-03-12"), 0));
    }

    [Fact]
    public void RejectsBadArgumentsWhenCalled()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VideoVisitDays.OpenDaysFrom(Area1(), Holidays2026, D("2026-03-12"), -1));
        Assert.Throws<ArgumentException>(() => VideoVisitDays.ForMonth(new("x", [32], []), Holidays2026, 2026, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => VideoVisitDays.ForMonth(Area1(), Holidays2026, 2026, 13));
    }
}
