using Visitation.Rules.Calendars;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Calendars;

public sealed class WorkingDaysTests
{
    private static readonly HolidayCalendar[] Holidays2026 = [ShippedReferenceData.HolidaysOf(2026)];

    [Theory]
    // Received Monday 9 March: three working days end Thursday.
    [InlineData("2026-03-09", 3, "2026-03-12")]
    // Received Thursday: Friday, Monday, Tuesday.
    [InlineData("2026-03-12", 3, "2026-03-17")]
    // Received Saturday: the weekend does not count.
    [InlineData("2026-03-14", 1, "2026-03-16")]
    // Received Thursday 30 April: Friday 1 May to Tuesday 5 May is Labour Day, so 6, 7, 8 May.
    [InlineData("2026-04-30", 3, "2026-05-08")]
    // National Day week: received 30 September, 1–7 October are holidays.
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-03-09", 0, "2026-03-09")]
    public void DeadlinesSkipWeekendsAndPublicHolidays(string received, int days, string due)
    {
        Assert.Equal(D(due), WorkingDays.After(D(received), days, Holidays2026));
    }

    [Fact]
    public void AYearWithoutAHolidayCalendarCountsOnlyWeekends()
    {
        Assert.Equal(D("2027-01-04"), WorkingDays.After(D("2026-12-31"), 2, Holidays2026));
    }

    [Fact]
    public void AHolidayCountsWhicheverOtherYearsCalendarsAreLoaded()
    {
        // A later year's calendar beside 2026's must not make 1–7 October working days again.
        HolidayCalendar[] twoYears = [ShippedReferenceData.HolidaysOf(2026), new(2027, [new(D("2027-01-01"), D("2027-01-01"), "元旦")])];

        Assert.Equal(D("2026-10-08"), WorkingDays.After(D("2026-09-30"), 1, twoYears));
    }
}
