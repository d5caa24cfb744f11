using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.Eligibility.Build;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Eligibility;

public sealed class CustodyAndPenaltyTests
{
    [Theory]
    // Visit day is 21 March: leaving on the 22nd still allows it, on the 21st does not.
    [InlineData(Departure.Transferred, "2026-03-22", null)]
    [InlineData(Departure.Transferred, "2026-03-21", RuleCodes.InmateTransferred)]
    [InlineData(Departure.Released, "2026-03-01", RuleCodes.InmateReleased)]
    public void AnInmateWhoLeftThePrisonCannotBeVisitedThere(string kind, string leftOn, string? code)
    {
        foreach (var province in new[] { "shanxi", "ningxia" })
        {
            var inmate = Inmate(province) with { LeftPrison = new Departure(kind, D(leftOn)) };

            var result = Evaluate(province, inmate);

            Assert.Equal(code is null ? [] : [code], result.Codes());
            if (code is not null)
            {
                Assert.Contains(D(leftOn).Day + "日", result.Failures[0].Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void WithoutAVisitDayADepartureLaterInTheMonthStillBlocks()
    {
        var inmate = Inmate("shanxi") with { LeftPrison = new Departure(Departure.Transferred, D("2026-03-30")) };
        var monthOnly = Request() with { VisitDate = null };

        Assert.Equal([RuleCodes.InmateTransferred], Evaluate("shanxi", inmate, request: monthOnly).Codes());
    }

    [Theory]
    // [Y 十]: ordinary 1–3 months, serious 6, very serious 12. [N§14]: 1–3 months, one severity.
    [InlineData("shanxi", "ordinary", 1, "2026-03-11", "2026-04-09")]
    [InlineData("shanxi", "ordinary", 3, "2026-03-11", "2026-06-09")]
    [InlineData("shanxi", "serious", 6, "2026-03-11", "2026-09-09")]
    [InlineData("shanxi", "very_serious", 12, "2026-03-11", "2027-03-09")]
    [InlineData("ningxia", "ordinary", 2, "2026-03-11", "2026-05-09")]
    public void APenaltyRunsFromTheDayAfterTheVisitForTheChosenMonths(string province, string severity, int months, string from, string to)
    {
        var period = PenaltyPeriod.For(ShippedPolicies.Of(province), severity, months, D("2026-03-10"), "录音录像");

        Assert.NotNull(period);
        Assert.Equal(StatusKinds.Penalty, period.Kind);
        Assert.Equal(D(from), period.From);
        Assert.Equal(D(to), period.To);
    }

    [Theory]
    [InlineData("shanxi", "ordinary", 4)]
    [InlineData("shanxi", "ordinary", 0)]
    [InlineData("shanxi", "serious", 3)]
    [InlineData("shanxi", "catastrophic", 3)]
    public void APenaltyOutsideThePolicysRangeIsRefused(string province, string severity, int months)
    {
        Assert.Null(PenaltyPeriod.For(ShippedPolicies.Of(province), severity, months, D("2026-03-10"), "扰乱秩序"));
    }

    [Fact]
    public void APenaltyBlocksTheNextMonthsVisitAndEndsTheDayBeforeTheSameDateAMonthOn()
    {
        var penalty = PenaltyPeriod.For(ShippedPolicies.Shanxi, "ordinary", 1, D("2026-02-20"), "使用暗语")!;
        var inmate = Inmate("shanxi", statuses: penalty);

        Assert.Equal([RuleCodes.Suspended(StatusKinds.Penalty)], Evaluate("shanxi", inmate, request: Request() with { VisitDate = D("2026-03-19") }).Codes());
        Assert.True(Evaluate("shanxi", inmate, request: Request() with { VisitDate = D("2026-03-20") }).Eligible);
    }
}
