using Visitation.Rules.Calendars;
using Visitation.Rules.Reviewing;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Reviewing;

public sealed class ReviewExpiryTests
{
    private static readonly DateOnly March = D("2027-03-01");
    private static readonly DateTimeOffset Now = new(2027, 3, 10, 9, 0, 0, ChinaTime.Offset);

    [Fact]
    public void BeforeTheDeadlineInTheVisitMonthTimeIsLeft()
    {
        Assert.Null(ReviewExpiry.ReasonFor(ReviewStage.Prison, Now.AddTicks(1), March, Now, March));
    }

    [Fact]
    public void AtTheDeadlineTheStagesDeadlineReasonApplies()
    {
        var reason = ReviewExpiry.ReasonFor(ReviewStage.Prison, Now, D("2027-04-01"), Now, March);

        Assert.Equal(("REVIEW_DEADLINE_PASSED", "监狱会见中心未在规定期限内完成审核，申请已失效，请重新申请。"), (reason?.Code, reason?.Message));
    }

    [Fact]
    public void AVisitMonthThatIsOverExpiresEvenWithoutADeadline()
    {
        var reason = ReviewExpiry.ReasonFor(ReviewStage.CountyBureau, null, D("2027-02-01"), Now, March);

        Assert.Equal(("VISIT_MONTH_PASSED", "申请的会见月份已过，县司法局未能在该月内完成复审，申请已失效，请重新申请。"), (reason?.Code, reason?.Message));
    }

    [Fact]
    public void WhenBothHaveRunOutTheMonthIsTheReasonGiven()
    {
        Assert.Equal(ReviewReasonCodes.MonthPassed, ReviewExpiry.ReasonFor(ReviewStage.CountyBureau, Now.AddDays(-3), D("2027-02-01"), Now, March)?.Code);
    }

    [Fact]
    public void NoDeadlineAndTheMonthStillOnLeavesTimeLeft()
    {
        Assert.Null(ReviewExpiry.ReasonFor(ReviewStage.CountyBureau, null, March, Now, March));
    }

    [Fact]
    public void EachStageNamesItselfInItsExpiryTexts()
    {
        Assert.Contains("县司法局", ReviewStage.CountyBureau.DeadlinePassed.Message, StringComparison.Ordinal);
        Assert.Contains("监狱", ReviewStage.Prison.MonthPassed.Message, StringComparison.Ordinal);
        Assert.Equal((ReviewClock.CountyBureau, ReviewClock.Prison), (ReviewStage.CountyBureau.ClockKey, ReviewStage.Prison.ClockKey));
    }
}
