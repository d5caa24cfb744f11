using Visitation.Rules.Slots;
using Xunit;
using static Visitation.Rules.Tests.Slots.SlotRequests;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Slots;

/// <summary>Listing free slots and checking one chosen start.</summary>
public sealed class SlotFreeAndAtTests
{
    [Theory]
    [InlineData("09:00-10:00", 30, "09:00,09:10,09:20,09:30")] // the 09:30 visit ends at 10:00; its changeover may run on
    [InlineData("09:00-10:00", 40, "09:00,09:10,09:20")]
    [InlineData("09:00-09:29", 30, "")]
    [InlineData("09:05-09:50", 30, "09:05,09:15")] // starts step from the window's own start
    public void VisitMustEndWithinTheWindow(string window, int visit, string expected)
    {
        var free = SlotAllocator.Free(Default(window: window, visitMinutes: visit), 100);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), free.Select(c => Hhmm(c.Start)));
    }

    [Fact]
    public void FreeListsDistinctStartsAcrossOverlappingWindowsAndDays()
    {
        var request = Default(stepMinutes: 15) with
        {
            CandidateDays = [D("2026-03-21"), Day],
            Windows = [Window("09:30-10:30"), Window("09:00-10:00")],
        };

        var free = SlotAllocator.Free(request, 100);

        Assert.Equal(
            ["03-11 09:00", "03-11 09:15", "03-11 09:30", "03-11 09:45", "03-11 10:00",
             "03-21 09:00", "03-21 09:15", "03-21 09:30", "03-21 09:45", "03-21 10:00"],
            free.Select(c => $"{c.Date:MM-dd} {Hhmm(c.Start)}"));
        Assert.Equal(3, SlotAllocator.Free(request, 3).Count);
        Assert.Empty(SlotAllocator.Free(request, 0));
    }

    [Theory]
    [InlineData("09:00", null, null)] // taken on both terminals
    [InlineData("09:40", "P1", "V1")]
    [InlineData("09:05", null, null)] // not on the 10-minute grid
    [InlineData("10:40", null, null)] // would end after the window
    public void AtChecksOneExactStart(string start, string? prison, string? venue)
    {
        var request = Default(bookings: [Busy("P1", "09:00", "09:40"), Busy("V1", "09:00", "09:40")]);

        var choice = SlotAllocator.At(request, Day, T(start));

        Assert.Equal(prison, choice?.PrisonTerminal);
        Assert.Equal(venue, choice?.VenueTerminal);
    }

    [Fact]
    public void AtTakesTheNextFreeTerminalAndOnlyOnCandidateDays()
    {
        var request = Default(prison: ["P1", "P2"], bookings: [Busy("P1", "09:00", "09:40")]);

        Assert.Equal("P2", SlotAllocator.At(request, Day, T("09:00"))?.PrisonTerminal);
        Assert.Null(SlotAllocator.At(request, D("2026-03-12"), T("09:00")));
    }
}
