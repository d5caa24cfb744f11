using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.Eligibility.Build;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Eligibility;

public sealed class AdvanceNoticeTests
{
    [Theory]
    [InlineData("shanxi", "2026-03-11", "2026-03-01", true, "[Y 二]")]
    [InlineData("shanxi", "2026-03-11", "2026-03-02", false, "[Y 二]")]
    [InlineData("shanxi", "2026-03-11", "2026-03-11", false, "[Y 二]")]
    [InlineData("shanxi", "2026-03-01", "2026-02-19", true, "[Y 二]")]
    [InlineData("ningxia", "2026-03-11", "2026-03-11", true, "not stated")]
    public void TenDaysAheadInShanxiNoMinimumInNingxia(string province, string visitDay, string submitted, bool allowed, string source)
    {
        var request = Request() with { VisitDate = D(visitDay), SubmittedOn = D(submitted) };

        var result = Evaluate(province, request: request);

        Assert.Equal(allowed, result.Eligible);
        Assert.Contains(source, ShippedPolicies.Of(province).Notes["advanceDays"], StringComparison.Ordinal);
        if (!allowed)
        {
            var failure = Assert.Single(result.Failures);
            Assert.Equal(RuleCodes.AdvanceNoticeTooShort, failure.Code);
            Assert.Equal(source, failure.Source);
            Assert.Contains("至少提前10日", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WithoutAVisitDayThereIsNothingToMeasureYet()
    {
        var request = Request() with { VisitDate = null, SubmittedOn = D("2026-03-30") };

        Assert.True(Evaluate("shanxi", request: request).Eligible);
    }
}
