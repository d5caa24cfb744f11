using Visitation.Rules.Calendars;
using Visitation.Rules.ReferenceData;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Calendars;

/// <summary>
/// The statutory holidays computed for any year, checked against the dates the State Council's notices
/// published (lunar festivals across leap-month years: 2020 had a leap fourth month, 2023 a leap second,
/// 2028 a leap fifth), and how they stand in for a year whose notice is not loaded.
/// </summary>
public sealed class StatutoryHolidaysTests
{
    [Theory]
    [InlineData(2020, "2020-01-25", "2020-04-04", "2020-06-25", "2020-10-01")]
    [InlineData(2021, "2021-02-12", "2021-04-04", "2021-06-14", "2021-09-21")]
    [InlineData(2022, "2022-02-01", "2022-04-05", "2022-06-03", "2022-09-10")]
    [InlineData(2023, "2023-01-22", "2023-04-05", "2023-06-22", "2023-09-29")]
    [InlineData(2024, "2024-02-10", "2024-04-04", "2024-06-10", "2024-09-17")]
    [InlineData(2025, "2025-01-29", "2025-04-04", "2025-05-31", "2025-10-06")]
    [InlineData(2026, "2026-02-17", "2026-04-05", "2026-06-19", "2026-09-25")]
    [InlineData(2027, "2027-02-06", "2027-04-05", "2027-06-09", "2027-09-15")]
    [InlineData(2028, "2028-01-26", "2028-04-04", "2028-05-28", "2028-10-03")]
    public void TheMovingFestivalsFallOnThePublishedDays(int year, string springFestival, string qingming, string dragonBoat, string midAutumn)
    {
        var days = StatutoryHolidays.Of(year).ToDictionary(holiday => holiday.Name);

        // 春节 runs from 除夕 (the day before 正月初一) to 正月初三.
        Assert.Equal((D(springFestival).AddDays(-1), D(springFestival).AddDays(2)), (days["春节"].From, days["春节"].To));
        Assert.Equal(D(qingming), days["清明节"].From);
        Assert.Equal(D(dragonBoat), days["端午节"].From);
        Assert.Equal(D(midAutumn), days["中秋节"].From);
    }

    [Fact]
    public void TheFixedFestivalsAreTheRegulationsDays()
    {
        var days = StatutoryHolidays.Of(2027).ToDictionary(holiday => holiday.Name);

        Assert.Equal((D("2027-01-01"), D("2027-01-01")), (days["元旦"].From, days["元旦"].To));
        Assert.Equal((D("2027-05-01"), D("2027-05-02")), (days["劳动节"].From, days["劳动节"].To));
        Assert.Equal((D("2027-10-01"), D("2027-10-03")), (days["国庆节"].From, days["国庆节"].To));
        // 13 days a year since the 2024 revision: 1 + 4 + 1 + 2 + 1 + 1 + 3.
        Assert.Equal(13, StatutoryHolidays.Of(2027).Sum(holiday => holiday.To.DayNumber - holiday.From.DayNumber + 1));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    public void AYearOutsideTheComputedRangeIsRefusedRatherThanGuessed(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.Of(year));
    }

    [Theory]
    [InlineData("2027-01-01", "元旦")]
    [InlineData("2027-02-05", "春节")]
    [InlineData("2027-02-08", "春节")]
    [InlineData("2027-02-09", null)]
    [InlineData("2027-10-03", "国庆节")]
    [InlineData("2026-02-16", "春节")]
    public void AYearWithoutItsNoticeStillKeepsItsStatutoryDaysAndALoadedYearKeepsItsNotice(string date, string? holiday)
    {
        var calendars = ShippedReferenceData.Set.HolidayCalendars();

        Assert.Equal(holiday, calendars.Select(calendar => calendar.HolidayOn(D(date))).FirstOrDefault(name => name is not null));
        Assert.Single(calendars, calendar => calendar.Year == D(date).Year);
    }

    [Fact]
    public void NewYearsDay2027IsNotOfferedAsAVideoDayThoughNo2027NoticeIsLoaded()
    {
        // Area 1 holds video visits on the 1st, 11th and 21st.
        var days = ShippedReferenceData.Calendars.VideoDays(ShippedReferenceData.YongjiArea("1"), 2027, 1);

        var newYearsDay = Assert.Single(days, day => day.Date == D("2027-01-01"));
        Assert.Equal((false, VideoVisitDays.HolidayReasonPrefix + "元旦"), (newYearsDay.Open, newYearsDay.ExcludedReason));
    }

    [Fact]
    public void TheShippedNoticesAgreeWithTheRegulations()
    {
        Assert.Empty(ShippedReferenceData.Set.HolidayNoticeErrors());
    }

    [Fact]
    public void ANoticeThatLeavesAStatutoryDayOrdinaryIsNamedWithTheDayAndItsFestival()
    {
        var shipped = ShippedReferenceData.Set;
        var notice = shipped.Holidays.Single(year => year.Year == 2026);
        // National Day typed as 2 October to 7 October: the first is lost.
        var mistyped = notice with { Holidays = [.. notice.Holidays.Select(h => h.Name == "国庆节" ? h with { From = D("2026-10-02") } : h)] };

        var errors = (shipped with { Holidays = [mistyped] }).HolidayNoticeErrors();

        Assert.Equal(["2026: the statutory holiday 2026-10-01（国庆节） is not a holiday in the notice"], errors);
    }
}
