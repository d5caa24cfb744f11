using Visitation.Rules.Visits;
using Xunit;

namespace Visitation.Rules.Tests.Visits;

/// <summary>What the end of the visit day does with a visit still open on it.</summary>
public sealed class DayEndTests
{
    private static readonly DateOnly Day = new(2026, 12, 16);

    [Fact]
    public void A_checked_in_visit_never_started_is_cancelled_for_the_family_not_against_it() =>
        Assert.Equal(DayEndOutcome.CancelNotStarted, DayEnd.Decide(DayStage.CheckedIn, Day, Day));

    [Fact]
    public void A_call_started_and_never_completed_is_completed_with_its_minutes() =>
        Assert.Equal(DayEndOutcome.CompleteSoFar, DayEnd.Decide(DayStage.InCall, Day, Day));

    [Theory]
    [InlineData(DayStage.Ended)]
    [InlineData(DayStage.NotCheckedIn)] // the no-show timer at the start decides that one
    public void A_visit_already_settled_is_left_alone(DayStage stage) =>
        Assert.Equal(DayEndOutcome.Nothing, DayEnd.Decide(stage, Day, Day));

    [Fact]
    public void A_timer_for_another_date_does_nothing_to_the_visit() =>
        Assert.Equal(DayEndOutcome.Nothing, DayEnd.Decide(DayStage.CheckedIn, Day.AddDays(10), Day));

    [Fact]
    public void The_day_ends_at_its_last_minute_in_china_time()
    {
        var end = DayEnd.At(Day, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2026, 12, 16, 15, 59, 0, TimeSpan.Zero), end.ToUniversalTime());
        Assert.Equal(Day, DateOnly.FromDateTime(end.DateTime));
    }
}
