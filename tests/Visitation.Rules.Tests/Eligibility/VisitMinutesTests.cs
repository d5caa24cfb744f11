using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.Eligibility.Build;

namespace Visitation.Rules.Tests.Eligibility;

public sealed class VisitMinutesTests
{
    [Theory]
    [InlineData("shanxi", false, false, 30, "[Y 四1]")]
    [InlineData("shanxi", true, false, 30, "[Y 四1]")]
    [InlineData("ningxia", false, false, 30, "[N§5]")]
    [InlineData("ningxia", true, false, 40, "[N§5 ¶2]")]
    [InlineData("shanxi", false, true, 60, "policy choice")]
    [InlineData("ningxia", true, true, 60, "policy choice")]
    public void Minutes(string province, bool juvenile, bool longer, int expected, string source)
    {
        var policy = ShippedPolicies.Of(province);

        Assert.Equal(expected, EligibilityEngine.VisitMinutes(policy, Inmate(province, juvenile: juvenile), longer));
        var note = longer ? policy.Notes["longerVisitMinutes"] : policy.Notes[juvenile && province == "ningxia" ? "juvenileVisitMinutes" : "visitMinutes"];
        Assert.Contains(source, note, StringComparison.Ordinal);
    }

    [Fact]
    public void AnApprovalNeverShortensAVisit()
    {
        var policy = ShippedPolicies.Ningxia with { LongerVisitMinutes = 35 };

        Assert.Equal(40, EligibilityEngine.VisitMinutes(policy, Inmate("ningxia", juvenile: true), true));
        Assert.Equal(35, EligibilityEngine.VisitMinutes(policy, Inmate("ningxia"), true));
    }

    [Fact]
    public void WithoutAConfiguredLongerLengthTheOrdinaryOneStays()
    {
        var policy = ShippedPolicies.Shanxi with { LongerVisitMinutes = null };

        Assert.Equal(30, EligibilityEngine.VisitMinutes(policy, Inmate("shanxi"), true));
    }
}
