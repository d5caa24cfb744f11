using Visitation.Rules.Slots;
using Xunit;
using static Visitation.Rules.Tests.Slots.SlotRequests;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Slots;

public sealed class SlotAllocatorTests
{
    [Fact]
    public void EmptyDayGivesTheFirstStartOnTheFirstTerminals()
    {
        Assert.Equal(new SlotChoice(Day, T("09:00"), T("09:30"), T("09:40"), "P1", "V1"), SlotAllocator.Earliest(Default()));
    }

    [Theory]
    [InlineData("P1", "09:00", "09:40", "09:40")] // prison side busy
    [InlineData("V1", "09:00", "09:40", "09:40")] // venue side busy, prison side free
    [InlineData("P1", "09:20", "09:30", "09:30")] // busy in the middle of the first visit
    [InlineData("V1", "09:39", "09:41", "09:50")] // a minute's overlap with the changeover is enough
    [InlineData("P1", "09:40", "10:00", "09:00")] // touching the changeover's end is not an overlap
    [InlineData("X9", "09:00", "11:00", "09:00")] // other terminals do not matter
    public void EitherSideBeingBusyMovesTheStart(string terminal, string from, string to, string expectedStart)
    {
        var request = Default(bookings: [Busy(terminal, from, to)]);

        Assert.Equal(T(expectedStart), SlotAllocator.Earliest(request)?.Start);
    }

    [Theory]
    [InlineData(2, 1, "09:00 P1 V1,09:40 P1 V1,10:20 P1 V1")] // one venue terminal: one visit at a time
    [InlineData(1, 2, "09:00 P1 V1,09:40 P1 V1,10:20 P1 V1")] // one prison terminal: likewise
    [InlineData(2, 2, "09:00 P1 V1,09:00 P2 V2,09:40 P1 V1")]
    [InlineData(3, 2, "09:00 P1 V1,09:00 P2 V2,09:40 P1 V1")]
    public void CapacityIsTheSmallerSide(int prisonCount, int venueCount, string expected)
    {
        var request = Default(
            prison: [.. Enumerable.Range(1, prisonCount).Select(i => $"P{i}")],
            venue: [.. Enumerable.Range(1, venueCount).Select(i => $"V{i}")]);

        var booked = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var choice = SlotAllocator.Earliest(request);
            Assert.NotNull(choice);
            booked.Add($"{Hhmm(choice.Start)} {choice.PrisonTerminal} {choice.VenueTerminal}");
            request = Book(request, choice);
        }

        Assert.Equal(expected.Split(','), booked);
    }

    [Theory]
    [InlineData(30, 0, "09:00,09:30,10:00,10:30")]
    [InlineData(30, 10, "09:00,09:40,10:20")]
    [InlineData(30, 20, "09:00,09:50")] // 10:40 + 30 would end after 11:00
    [InlineData(40, 10, "09:00,09:50")] // juvenile visits (Ningxia): 40 minutes
    [InlineData(40, 0, "09:00,09:40,10:20")]
    public void SequentialBookingsRespectTheChangeoverAndTheWindow(int visit, int changeover, string expected)
    {
        var request = Default(visitMinutes: visit, changeoverMinutes: changeover);
        var starts = new List<string>();
        // Bounded, so a regression that ignores bookings fails here instead of looping forever.
        while (starts.Count <= 12 && SlotAllocator.Earliest(request) is { } choice)
        {
            Assert.Equal(choice.Start.AddMinutes(visit), choice.End);
            Assert.Equal(choice.End.AddMinutes(changeover), choice.BlockedUntil);
            starts.Add(Hhmm(choice.Start));
            request = Book(request, choice);
        }

        Assert.Equal(expected.Split(','), starts);
    }

    [Fact]
    public void FullDayMovesToTheNextCandidateDay()
    {
        var request = Default(bookings: [Busy("V1", "08:00", "12:00")]) with { CandidateDays = [Day, D("2026-03-21")] };

        Assert.Equal(new SlotChoice(D("2026-03-21"), T("09:00"), T("09:30"), T("09:40"), "P1", "V1"), SlotAllocator.Earliest(request));
    }

    [Fact]
    public void NothingToChooseFromMeansNoSlot()
    {
        Assert.Null(SlotAllocator.Earliest(Default() with { CandidateDays = [] }));
        Assert.Null(SlotAllocator.Earliest(Default() with { Windows = [] }));
        Assert.Null(SlotAllocator.Earliest(Default(prison: [])));
        Assert.Null(SlotAllocator.Earliest(Default(venue: [])));
        Assert.Empty(SlotAllocator.Free(Default(venue: []), 10));
    }

    [Fact]
    public void BookingsOnOtherDaysDoNotCount()
    {
        var request = Default(bookings: [new Booking("P1", D("2026-03-12"), T("09:00"), T("11:00"))]);

        Assert.Equal(T("09:00"), SlotAllocator.Earliest(request)?.Start);
    }

    [Fact]
    public void ABookingPastMidnightHoldsTheRestOfItsDay()
    {
        var request = Default(bookings: [Busy("P1", "10:00", "00:30")], window: "09:00-23:00");

        Assert.Equal("09:00,09:10,09:20", string.Join(',', SlotAllocator.Free(request, 100).Select(c => Hhmm(c.Start))));
    }

    [Theory]
    [InlineData(0, 10, 10)]
    [InlineData(-30, 10, 10)]
    [InlineData(30, -1, 10)]
    [InlineData(30, 10, 0)]
    public void RejectsNonsensicalMinutes(int visit, int changeover, int step)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => SlotAllocator.Earliest(Default(visitMinutes: visit, changeoverMinutes: changeover, stepMinutes: step)));
    }

    [Fact]
    public void RejectsABackwardsWindowAndANegativeMax()
    {
        Assert.Throws<ArgumentException>(() => SlotAllocator.Earliest(Default(window: "11:00-09:00")));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlotAllocator.Free(Default(), -1));
    }

    [Fact]
    public void RejectsAnEmptyWindow()
    {
        Assert.Throws<ArgumentException>(() => SlotAllocator.Earliest(Default(window: "09:00-09:00")));
    }

    [Fact]
    public void NoSlotWhoseChangeoverWouldRunPastMidnight()
    {
        // 23:20 + 30 min call ends 23:50, inside the window, but its changeover reaches midnight.
        var request = Default(window: "23:00-23:59");

        Assert.Equal("23:00,23:10", string.Join(',', SlotAllocator.Free(request, 100).Select(c => Hhmm(c.Start))));
    }
}
