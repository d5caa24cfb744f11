using System.Globalization;
using Visitation.Rules.Slots;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Slots;

/// <summary>Where a visit goes when the inmate's new area does not have its day: the nearest free day, then the nearest start; the later of two equally far days.</summary>
public sealed class NearestSlotTests
{
    [Theory]
    // free slots (day time) | booked | chosen
    [InlineData("2026-03-07 09:00,2026-03-17 09:00,2026-03-27 09:00", "2026-03-06 09:00", "2026-03-07 09:00")]
    [InlineData("2026-03-07 09:00,2026-03-17 09:00", "2026-03-16 09:00", "2026-03-17 09:00")]
    [InlineData("2026-03-04 09:00,2026-03-08 09:00", "2026-03-06 09:00", "2026-03-08 09:00")]   // equally far: the later day (policy choice)
    [InlineData("2026-03-02 09:00,2026-03-09 09:00", "2026-03-06 09:00", "2026-03-09 09:00")]   // the nearer day even when it is later
    [InlineData("2026-03-05 09:00,2026-03-05 14:00,2026-03-05 15:00", "2026-03-06 14:30", "2026-03-05 14:00")] // the nearest start, earlier on a tie
    [InlineData("", "2026-03-06 09:00", "")]
    public void TheNearestFreeSlotToTheBookedOneIsChosen(string free, string booked, string expected)
    {
        var (date, start) = At(booked);

        var chosen = NearestSlot.To(Slots(free), date, start);

        Assert.Equal(expected, chosen is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{chosen.Date:yyyy-MM-dd} {chosen.Start:HH\\:mm}"));
    }

    private static List<SlotChoice> Slots(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(At).Select(s => new SlotChoice(s.Date, s.Start, s.Start.AddMinutes(30), s.Start.AddMinutes(40), "P1", "V1"))];

    private static (DateOnly Date, TimeOnly Start) At(string dayAndTime)
    {
        var parts = dayAndTime.Split(' ');
        return (D(parts[0]), TimeOnly.ParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture));
    }
}
