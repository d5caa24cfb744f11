using Visitation.Rules.Visits;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Visits;

/// <summary>Check-in on the day before the start; the start itself is the no-show deadline [N§10–11].</summary>
public sealed class DayOfVisitTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2027-01-03 08:15", CheckInWindow.Open)]
    [InlineData("2027-01-03 09:39", CheckInWindow.Open)]
    [InlineData("2027-01-03 09:40", CheckInWindow.TooLate)]
    [InlineData("2027-01-03 15:00", CheckInWindow.TooLate)]
    [InlineData("2027-01-02 09:00", CheckInWindow.NotTheDay)]
    [InlineData("2027-01-04 08:00", CheckInWindow.NotTheDay)]
    public void CheckInIsOpenOnTheDayUntilTheStart(string localNow, CheckInWindow expected) =>
        Assert.Equal(expected, DayOfVisit.CheckIn(D("2027-01-03"), T("09:40"), DateTime.Parse(localNow, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void NoShowFallsAtTheStartInPrisonTime() =>
        Assert.Equal(new DateTimeOffset(2027, 1, 3, 1, 40, 0, TimeSpan.Zero), DayOfVisit.NoShowAt(D("2027-01-03"), T("09:40"), China));

    [Fact]
    public void ReminderGoesOutTheDayBeforeAtTen() =>
        Assert.Equal(new DateTimeOffset(2027, 1, 2, 10, 0, 0, China),
            Reminders.DueAt(D("2027-01-03"), new DateTimeOffset(2026, 12, 20, 16, 0, 0, China), China));

    [Fact]
    public void NoReminderForAVisitConfirmedAtTheReminderMomentItself() =>
        Assert.Null(Reminders.DueAt(D("2027-01-03"), new DateTimeOffset(2027, 1, 2, 10, 0, 0, China), China));

    [Fact]
    public void NoReminderForAVisitConfirmedAfterTheReminderHour() =>
        Assert.Null(Reminders.DueAt(D("2027-01-03"), new DateTimeOffset(2027, 1, 2, 11, 0, 0, China), China));

    [Theory]
    // Slot 09:00, booked (visit + changeover) until 09:40.
    [InlineData("2026-03-13 08:44", false)] // more than 15 minutes early
    [InlineData("2026-03-13 08:45", true)]
    [InlineData("2026-03-13 09:39", true)]
    [InlineData("2026-03-13 09:40", false)] // the next visit's terminals
    [InlineData("2026-03-14 09:10", false)] // another day
    public void ACallConnectsOnlyAroundItsOwnSlot(string localNow, bool allowed)
    {
        var now = DateTime.ParseExact(localNow, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(allowed, DayOfVisit.MayConnect(new DateOnly(2026, 3, 13), new TimeOnly(9, 0), new TimeOnly(9, 40), now));
    }
}
