using Visitation.Rules.Visits;
using Xunit;

namespace Visitation.Rules.Tests.Visits;

/// <summary>What the end of the visit day does with a visit still open on it.</summary>
public sealed class DayEndTests
{
    private static readonly DateOnly Day = new(2026, 12, 16);

    [Fact]
    public void ACheckedInVisitNeverStartedIsCancelledForTheFamilyNotAgainstIt() =>
        Assert.Equal(DayEndOutcome.CancelNotStarted, DayEnd.Decide(DayStage.CheckedIn, Day, Day));

    [Fact]
    public void ACallStartedAndNeverCompletedIsCompletedWithItsMinutes() =>
        Assert.Equal(DayEndOutcome.CompleteSoFar, DayEnd.Decide(DayStage.InCall, Day, Day));

    [Theory]
    [InlineData(DayStage.Ended)]
    [InlineData(DayStage.NotCheckedIn)] // the no-show timer at the start decides that one
    public void AVisitAlreadySettledIsLeftAlone(DayStage stage) =>
        Assert.Equal(DayEndOutcome.Nothing, DayEnd.Decide(stage, Day, Day));

    [Fact]
    public void ATimerForAnotherDateDoesNothingToTheVisit() =>
        Assert.Equal(DayEndOutcome.Nothing, DayEnd.Decide(DayStage.CheckedIn, Day.AddDays(10), Day));

    [Fact]
    public void TheDayEndsAtItsLastMinuteInChinaTime()
    {
        var end = DayEnd.At(Day, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2026, 12, 16, 15, 59, 0, TimeSpan.Zero), end.ToUniversalTime());
        Assert.Equal(Day, DateOnly.FromDateTime(end.DateTime));
    }
}
