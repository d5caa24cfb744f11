using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.Eligibility.Build;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Eligibility;

public sealed class DateWindowTests
{
    [Theory]
    [InlineData("2026-02-28", false)]
    [InlineData("2026-03-01", true)]
    [InlineData("2026-03-31", true)]
    [InlineData("2026-04-01", false)]
    public void WithoutAVisitDayTheWindowIsTheWholeMonthBothEndsIncluded(string day, bool inside)
    {
        Assert.Equal(inside, DateWindow.Of(Request() with { VisitDate = null }).Contains(D(day)));
    }

    [Fact]
    public void AResultHasExactlyTheCodesOfItsFailures()
    {
        var result = Evaluate("shanxi", Inmate("shanxi", "strict"), Used(1));

        Assert.Equal(2, result.Failures.Count);
        Assert.True(result.Has(RuleCodes.ManagementLevelSuspended));
        Assert.True(result.Has(RuleCodes.MonthlyQuotaUsed));
        Assert.False(result.Has(RuleCodes.TooManyVisitors));
    }
}
