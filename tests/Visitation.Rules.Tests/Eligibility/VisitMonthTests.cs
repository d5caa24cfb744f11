using Visitation.Rules.Eligibility;
using Xunit;

namespace Visitation.Rules.Tests.Eligibility;

public sealed class VisitMonthTests
{
    [Theory]
    [InlineData("2027-01", 2027, 1, "2027年1月")]
    [InlineData("2026-12", 2026, 12, "2026年12月")]
    public void AKeyRoundTripsAndReadsTheChineseWay(string key, int year, int month, string chinese)
    {
        var parsed = VisitMonth.Parse(key);

        Assert.Equal(new VisitMonth(year, month), parsed);
        Assert.Equal(key, parsed.Key);
        Assert.Equal(chinese, parsed.ChineseName);
    }

    [Theory]
    [InlineData("2027-13")]
    [InlineData("2027-1")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElseIsNotAMonth(string? key)
    {
        Assert.False(VisitMonth.TryParse(key, out _));
        Assert.Throws<FormatException>(() => VisitMonth.Parse(key!));
    }
}
