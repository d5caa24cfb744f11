using Visitation.Rules.Slots;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Slots;

/// <summary>A booked visit re-checked against changed calendars, terminals and hours.</summary>
public sealed class BookingCheckTests
{
    private static readonly DateOnly[] OpenDays = [D("2027-01-03"), D("2027-01-13")];
    private static readonly OpeningWindow[] Windows = [new(T("09:00"), T("11:30")), new(T("14:30"), T("17:00"))];
    private static readonly string[] Prison = ["YJP-T1", "YJP-T2"];
    private static readonly string[] Venue = ["YJ-V1"];

    [Theory]
    [InlineData("2027-01-03", "09:00", "YJP-T1", "YJ-V1", BookingProblem.None)]
    [InlineData("2027-01-13", "16:30", "YJP-T2", "YJ-V1", BookingProblem.None)]      // ends exactly at closing
    [InlineData("2027-01-23", "09:00", "YJP-T1", "YJ-V1", BookingProblem.NotAVisitDay)]
    [InlineData("2027-01-03", "09:00", "YJP-T3", "YJ-V1", BookingProblem.TerminalRemoved)]
    [InlineData("2027-01-03", "09:00", "YJP-T1", "YJ-V2", BookingProblem.TerminalRemoved)]
    [InlineData("2027-01-03", "11:10", "YJP-T1", "YJ-V1", BookingProblem.OutsideOpeningHours)] // would run to 11:40
    [InlineData("2027-01-03", "12:00", "YJP-T1", "YJ-V1", BookingProblem.OutsideOpeningHours)]
    public void BookingIsCheckedAgainstTheCurrentData(string date, string start, string prisonTerminal, string venueTerminal, BookingProblem expected) =>
        Assert.Equal(expected, BookingCheck.Check(D(date), T(start), 30, prisonTerminal, venueTerminal, OpenDays, Windows, Prison, Venue));

    [Fact]
    public void TheDayIsCheckedFirst() =>
        Assert.Equal(BookingProblem.NotAVisitDay, BookingCheck.Check(D("2027-01-04"), T("12:00"), 30, "X", "Y", OpenDays, Windows, Prison, Venue));
}
