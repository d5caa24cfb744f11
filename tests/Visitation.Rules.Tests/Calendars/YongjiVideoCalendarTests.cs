using Visitation.Rules.Calendars;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Calendars;

/// <summary>The shipped Yongji calendars, through the services' own <c>PrisonCalendars</c>, against the notice.</summary>
public sealed class YongjiVideoCalendarTests
{
    public static TheoryData<string, int> EveryAreaAndMonth2026()
    {
        var data = new TheoryData<string, int>();
        foreach (var area in YongjiOracle.VideoDays.Keys)
        {
            for (var month = 1; month <= 12; month++)
                data.Add(area, month);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryAreaAndMonth2026))]
    public void OpenDaysAreTheRuleDaysOfTheMonthMinusHolidays(string area, int month)
    {
        var existing = YongjiOracle.VideoDays[area]
            .Where(day => day <= DateTime.DaysInMonth(2026, month))
            .Select(day => new DateOnly(2026, month, day))
            .ToList();
        var expectedOpen = existing.Where(date => YongjiOracle.HolidayOn(date) is null).ToList();
        var expectedClosed = existing.Where(date => YongjiOracle.HolidayOn(date) is not null).ToList();

        var days = ShippedReferenceData.Calendars.VideoDays(ShippedReferenceData.YongjiArea(area), 2026, month);

        Assert.Equal(existing, days.Select(d => d.Date));
        Assert.Equal(expectedOpen, days.Where(d => d.Open).Select(d => d.Date));
        Assert.Equal(expectedClosed, days.Where(d => !d.Open).Select(d => d.Date));
        Assert.All(days.Where(d => !d.Open), d => Assert.Equal("法定节假日：" + YongjiOracle.HolidayOn(d.Date), d.ExcludedReason));
        Assert.All(days.Where(d => d.Open), d => Assert.Null(d.ExcludedReason));
    }

    [Theory]
    [InlineData("1", "2026-01-01", false, "法定节假日：元旦")]
    [InlineData("1", "2026-01-11", true, null)]
    [InlineData("1", "2026-01-21", true, null)]
    [InlineData("5", "2026-02-05", true, null)]
    [InlineData("5", "2026-02-15", false, "法定节假日：春节")]
    [InlineData("5", "2026-02-25", true, null)]
    [InlineData("1", "2026-02-21", false, "法定节假日：春节")]
    [InlineData("4", "2026-04-04", false, "法定节假日：清明节")]
    [InlineData("1", "2026-10-01", false, "法定节假日：国庆节")]
    [InlineData("1", "2026-10-11", true, null)]
    [InlineData("1", "2026-10-21", true, null)]
    [InlineData("6", "2026-09-26", false, "法定节假日：中秋节")]
    public void SpotChecks(string area, string date, bool open, string? reason)
    {
        var day = D(date);

        var days = ShippedReferenceData.Calendars.VideoDays(ShippedReferenceData.YongjiArea(area), day.Year, day.Month);

        Assert.Equal(new CalendarDay(day, open, reason), Assert.Single(days, d => d.Date == day));
    }

    [Theory]
    [InlineData("9", "2026-02-09,2026-02-19")] // no 29 February
    [InlineData("10", "2026-02-10,2026-02-20")] // no 30 February
    [InlineData("10", "2027-02-10,2027-02-20")]
    [InlineData("9", "2028-02-09,2028-02-19,2028-02-29")] // a leap year has it
    [InlineData("10", "2026-04-10,2026-04-20,2026-04-30")]
    public void DaysMissingFromTheMonthDoNotOccur(string area, string expectedDates)
    {
        var expected = expectedDates.Split(',').Select(D).ToList();

        var days = VideoVisitDays.ForMonth(ShippedReferenceData.YongjiArea(area), [], expected[0].Year, expected[0].Month);

        Assert.Equal(expected, days.Select(d => d.Date));
        Assert.All(days, d => Assert.True(d.Open));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("4")]
    [InlineData("5")]
    [InlineData("6")]
    [InlineData("7")]
    [InlineData("9")]
    [InlineData("10")]
    [InlineData("11")]
    public void ShippedVideoDaysAreTheNotices(string area)
    {
        Assert.Equal(YongjiOracle.VideoDays[area], ShippedReferenceData.YongjiArea(area).DaysOfMonth);
    }

    [Fact]
    public void ShippedDataHasExactlyTheTenAreasOfTheNoticeAndNoAreaEight()
    {
        var prison = ShippedReferenceData.Set.Prison(ShippedReferenceData.Yongji);
        Assert.NotNull(prison);
        var areas = prison.Areas;

        Assert.Equal(YongjiOracle.VideoDays.Keys.Order(), areas.Select(a => a.Id).Order());
        Assert.Equal(YongjiOracle.OnSite.Keys.Order(), areas.Where(a => a.OnSiteRule is not null).Select(a => a.Id).Order());
        Assert.Null(ShippedReferenceData.Calendars.Area(ShippedReferenceData.Yongji, "8"));
    }
}
