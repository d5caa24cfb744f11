using Visitation.Rules.Calendars;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Calendars;

public sealed class HolidayCalendarTests
{
    private static HolidayCalendar Shipped2026 => ShippedReferenceData.HolidaysOf(2026);

    [Theory]
    [InlineData("2025-12-31", null)]
    [InlineData("2026-01-01", "元旦")]
    [InlineData("2026-01-03", "元旦")]
    [InlineData("2026-01-04", null)]
    [InlineData("2026-02-14", null)]
    [InlineData("2026-02-15", "春节")]
    [InlineData("2026-02-23", "春节")]
    [InlineData("2026-02-24", null)]
    [InlineData("2026-04-06", "清明节")]
    [InlineData("2026-05-05", "劳动节")]
    [InlineData("2026-06-19", "端午节")]
    [InlineData("2026-09-27", "中秋节")]
    [InlineData("2026-10-07", "国庆节")]
    [InlineData("2026-10-08", null)]
    public void ShippedHolidaysOf2026(string date, string? expected)
    {
        Assert.Equal(expected, Shipped2026.HolidayOn(D(date)));
    }

    [Fact]
    public void Shipped2026Has37HolidayDays()
    {
        var days = Enumerable.Range(0, 365).Select(i => D("2026-01-01").AddDays(i));

        Assert.Equal(3 + 9 + 3 + 5 + 3 + 3 + 7, days.Count(d => Shipped2026.HolidayOn(d) is not null));
    }

    [Fact]
    public void EveryDayOf2026AgreesWithTheStateCouncilNotice()
    {
        var days = Enumerable.Range(0, 365).Select(i => D("2026-01-01").AddDays(i)).ToList();

        Assert.Equal(days.Select(YongjiOracle.HolidayOn), days.Select(Shipped2026.HolidayOn));
    }

    [Fact]
    public void EachShippedYearIsPublishedOnceAndItsHolidaysFallInOrAroundThatYear()
    {
        var years = ShippedReferenceData.Holidays.Select(h => h.Year).ToList();

        Assert.Contains(2026, years);
        Assert.Equal(years.Distinct(), years);
        Assert.All(ShippedReferenceData.Holidays, calendar => Assert.All(calendar.Holidays, holiday =>
        {
            Assert.InRange(holiday.From.Year, calendar.Year - 1, calendar.Year + 1);
            Assert.False(string.IsNullOrWhiteSpace(holiday.Name));
        }));
    }

    [Fact]
    public void WithRebuildsTheLookup()
    {
        var moved = Shipped2026 with { Holidays = [new(D("2026-03-01"), D("2026-03-02"), "测试")] };

        Assert.Equal("测试", moved.HolidayOn(D("2026-03-02")));
        Assert.Null(moved.HolidayOn(D("2026-01-01")));
        Assert.Equal("元旦", Shipped2026.HolidayOn(D("2026-01-01")));
    }

    [Fact]
    public void LaterChangesToTheCallersListDoNotLeakIn()
    {
        var list = new List<Holiday> { new(D("2026-01-01"), D("2026-01-01"), "元旦") };
        var calendar = new HolidayCalendar(2026, list);

        list.Add(new(D("2026-01-02"), D("2026-01-02"), "后加"));

        Assert.Null(calendar.HolidayOn(D("2026-01-02")));
        Assert.Single(calendar.Holidays);
    }

    [Fact]
    public void EqualityIsByContent()
    {
        Holiday[] holidays = [new(D("2026-01-01"), D("2026-01-03"), "元旦")];

        Assert.Equal(new HolidayCalendar(2026, holidays), new HolidayCalendar(2026, [.. holidays]));
        Assert.NotEqual(new HolidayCalendar(2026, holidays), new HolidayCalendar(2027, holidays));
    }

    [Fact]
    public void RejectsAHolidayEndingBeforeItStarts()
    {
        Assert.Throws<ArgumentException>(() => new HolidayCalendar(2026, [new(D("2026-01-03"), D("2026-01-01"), "错")]));
    }
}
