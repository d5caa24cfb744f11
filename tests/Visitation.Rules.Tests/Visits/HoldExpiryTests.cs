using Visitation.Rules.Visits;
using Xunit;

namespace Visitation.Rules.Tests.Visits;

/// <summary>An unconfirmed hold expires when its timer comes due, and only then.</summary>
public sealed class HoldExpiryTests
{
    private static readonly DateTimeOffset HoldEnd = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void AProposalStillUnconfirmedAtItsHoldsEndLapses() =>
        Assert.Equal(HoldOutcome.Lapsed, HoldExpiry.Decide(true, HoldEnd, HoldEnd, HoldEnd));

    [Fact]
    public void ALateTimerStillExpiresTheHold() =>
        Assert.Equal(HoldOutcome.Lapsed, HoldExpiry.Decide(true, HoldEnd, HoldEnd, HoldEnd.AddHours(3)));

    [Fact]
    public void AnEarlyTimerWaitsForTheHoldsEnd() =>
        Assert.Equal(HoldOutcome.StillHeld, HoldExpiry.Decide(true, HoldEnd, HoldEnd, HoldEnd.AddSeconds(-2)));

    [Fact]
    public void AConfirmedOrCancelledVisitIsLeftAlone() =>
        Assert.Equal(HoldOutcome.Settled, HoldExpiry.Decide(false, HoldEnd, HoldEnd, HoldEnd.AddHours(1)));

    [Fact]
    public void ATimerSetForAnEarlierHoldNeverExpiresALaterOne() =>
        Assert.Equal(HoldOutcome.Settled, HoldExpiry.Decide(true, HoldEnd.AddHours(48), HoldEnd, HoldEnd.AddHours(1)));

    [Fact]
    public void TheHoldStoredToTheMicrosecondIsStillTheHoldTheTimerWasSetFor()
    {
        var exact = HoldEnd.AddTicks(1234567); // 0.1234567 s: the timer's copy
        var stored = HoldEnd.AddTicks(1234560); // what PostgreSQL gives back

        Assert.Equal(HoldOutcome.Lapsed, HoldExpiry.Decide(true, stored, exact, exact));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)] // the end instant itself is already free
    [InlineData(1, false)]
    public void TheSlotIsHeldStrictlyBeforeTheHoldsEnd(int secondsFromEnd, bool held) =>
        Assert.Equal(held, HoldExpiry.Holds(HoldEnd, HoldEnd.AddSeconds(secondsFromEnd)));

    [Fact]
    public void ATimerWhoseHoldEndDiffersByAMillisecondBelongsToAnotherHold() =>
        Assert.Equal(HoldOutcome.Settled, HoldExpiry.Decide(true, HoldEnd.AddMilliseconds(1), HoldEnd, HoldEnd.AddHours(1)));

    [Fact]
    public void ATimerWithinAMillisecondOfTheHoldsEndIsTheSameHold() =>
        Assert.Equal(HoldOutcome.Lapsed, HoldExpiry.Decide(true, HoldEnd.AddTicks(9_999), HoldEnd, HoldEnd.AddHours(1)));
}
