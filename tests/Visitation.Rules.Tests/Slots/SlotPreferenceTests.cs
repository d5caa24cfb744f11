using Visitation.Rules.Slots;
using Xunit;
using static Visitation.Rules.Tests.Slots.SlotRequests;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Slots;

public sealed class SlotPreferenceTests
{
    private static readonly DateOnly Later = D("2026-03-21");
    private static readonly DateOnly Last = D("2026-03-31");

    private static SlotRequest ThreeDays(params Booking[] bookings) =>
        Default(bookings: bookings) with
        {
            CandidateDays = [Day, Later, Last],
            Windows = [Window("09:00-11:00"), Window("14:00-16:00")],
        };

    private static SlotPreference On(PartOfDay part, params DateOnly[] days) => new(days, part);

    private static Booking[] WholeDay(DateOnly date) => [new("P1", date, T("08:00"), T("17:00"))];

    [Fact]
    public void APreferredDayIsChosenOverAnEarlierDayThatIsNot()
    {
        var request = ThreeDays();

        var offer = SlotAllocator.Preferred(request, On(PartOfDay.Any, Later));

        Assert.Equal(Day, SlotAllocator.Earliest(request)?.Date); // without the preference it would be the 11th
        Assert.Equal(new PreferredSlot(new SlotChoice(Later, T("09:00"), T("09:30"), T("09:40"), "P1", "V1"), true), offer);
    }

    [Fact]
    public void TheEarliestOfSeveralPreferredDaysWithRoomWins()
    {
        var offer = SlotAllocator.Preferred(ThreeDays(WholeDay(Later)), On(PartOfDay.Any, Last, Later));

        Assert.Equal((Last, true), (offer?.Slot.Date, offer?.MatchesPreference));
    }

    [Fact]
    public void AFullPreferredDayFallsBackToTheEarliestSlotOverall()
    {
        var offer = SlotAllocator.Preferred(ThreeDays(WholeDay(Later)), On(PartOfDay.Any, Later));

        Assert.Equal((Day, T("09:00"), false), (offer?.Slot.Date, offer?.Slot.Start, offer?.MatchesPreference));
    }

    [Fact]
    public void APreferredDayThatIsNotACandidateFallsBackToo()
    {
        var offer = SlotAllocator.Preferred(ThreeDays(), On(PartOfDay.Any, D("2026-03-12")));

        Assert.Equal((Day, false), (offer?.Slot.Date, offer?.MatchesPreference));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void WithoutAPreferenceTheChoiceIsTheEarliestAsBefore(int fullDays)
    {
        var request = ThreeDays([.. new[] { Day, Later, Last }.Take(fullDays).SelectMany(WholeDay)]);

        var offer = SlotAllocator.Preferred(request, SlotPreference.None);

        Assert.NotNull(offer);
        Assert.Equal(SlotAllocator.Earliest(request), offer.Slot);
        Assert.False(offer.MatchesPreference); // nothing was asked for, so nothing is claimed to be met
    }

    [Fact]
    public void NoSlotAnywhereIsStillNoSlot()
    {
        var request = ThreeDays([.. new[] { Day, Later, Last }.SelectMany(WholeDay)]);

        Assert.Null(SlotAllocator.Preferred(request, On(PartOfDay.Afternoon, Later)));
    }

    [Theory]
    [InlineData(PartOfDay.Morning, "09:00")]
    [InlineData(PartOfDay.Afternoon, "14:00")]
    [InlineData(PartOfDay.Any, "09:00")]
    public void APartOfDayPicksTheFirstStartInIt(PartOfDay part, string expected)
    {
        var offer = SlotAllocator.Preferred(ThreeDays(), On(part));

        Assert.Equal((Day, T(expected), part != PartOfDay.Any), (offer?.Slot.Date, offer?.Slot.Start, offer?.MatchesPreference));
    }

    [Theory]
    [InlineData(PartOfDay.Morning, "11:59", true)]
    [InlineData(PartOfDay.Morning, "12:00", false)]
    [InlineData(PartOfDay.Afternoon, "11:59", false)]
    [InlineData(PartOfDay.Afternoon, "12:00", true)]
    public void ACallStartingAtNoonIsAnAfternoonCall(PartOfDay part, string start, bool met)
    {
        Assert.Equal(met, On(part).IsMetBy(Day, T(start)));
    }

    [Fact]
    public void AMorningPreferenceIsNotMetByASlotStartingAtNoon()
    {
        var request = Default(window: "12:00-13:00");

        var offer = SlotAllocator.Preferred(request, On(PartOfDay.Morning));

        Assert.Equal((T("12:00"), false), (offer?.Slot.Start, offer?.MatchesPreference));
    }

    [Fact]
    public void AnAfternoonPreferenceMovesToALaterDayBeforeGivingUpOnTheAfternoon()
    {
        var offer = SlotAllocator.Preferred(ThreeDays(new Booking("P1", Day, T("13:00"), T("17:00"))), On(PartOfDay.Afternoon));

        Assert.Equal((Later, T("14:00"), true), (offer?.Slot.Date, offer?.Slot.Start, offer?.MatchesPreference));
    }

    [Fact]
    public void ThePreferredDayCountsForMoreThanThePartOfDay()
    {
        // The 21st's afternoon is taken: its morning beats the 11th's free afternoon.
        var offer = SlotAllocator.Preferred(ThreeDays(new Booking("V1", Later, T("13:00"), T("17:00"))), On(PartOfDay.Afternoon, Later));

        Assert.Equal((Later, T("09:00"), false), (offer?.Slot.Date, offer?.Slot.Start, offer?.MatchesPreference));
    }

    [Fact]
    public void TheSlotToAvoidIsNeverOfferedAgain()
    {
        var offer = SlotAllocator.Preferred(ThreeDays(), On(PartOfDay.Any, Later), except: (Later, T("09:00")));

        Assert.Equal((Later, T("09:10")), (offer?.Slot.Date, offer?.Slot.Start));
    }

    [Theory]
    [InlineData("", PartOfDay.Any, true)]
    [InlineData(null, PartOfDay.Any, true)]
    [InlineData("morning", PartOfDay.Morning, true)]
    [InlineData("afternoon", PartOfDay.Afternoon, true)]
    [InlineData("evening", PartOfDay.Any, false)]
    [InlineData("Morning", PartOfDay.Any, false)]
    public void PartOfDayCodesRoundTripAndUnknownOnesAreRefused(string? code, PartOfDay expected, bool known)
    {
        var parsed = SlotPreference.TryParsePartOfDay(code, out var part);

        Assert.Equal((known, expected), (parsed, part));
        if (known)
        {
            Assert.Equal(code ?? string.Empty, SlotPreference.Code(part));
        }
    }
}
