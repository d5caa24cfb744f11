using Visitation.Rules.Tests.Eligibility;
using Visitation.Rules.Visits;
using Xunit;

namespace Visitation.Rules.Tests.Visits;

/// <summary>A terminated call's penalty must fit the prison's policy (RULES.md §7, [Y 十], [N§14]).</summary>
public sealed class TerminationTests
{
    [Theory]
    [InlineData("shanxi", "RECORDING", "ordinary", 1)]
    [InlineData("shanxi", "RECORDING", "ordinary", 3)]
    [InlineData("shanxi", "CONTRABAND_TALK", "serious", 6)]
    [InlineData("shanxi", "DISORDER", "very_serious", 12)]
    [InlineData("ningxia", "CASE_TALK", "ordinary", 2)]
    public void PenaltiesWithinThePolicyPass(string province, string reason, string severity, int months) =>
        Assert.Empty(Termination.Check(ShippedPolicies.Of(province), reason, severity, months));

    [Theory]
    [InlineData("shanxi", "RECORDING", "ordinary", 4, "penalty_months")]
    [InlineData("shanxi", "RECORDING", "ordinary", 0, "penalty_months")]
    [InlineData("shanxi", "RECORDING", "serious", 3, "penalty_months")]      // Shanxi: serious is 6 months, no less
    [InlineData("ningxia", "RECORDING", "serious", 6, "severity")]           // Ningxia knows no graver tier
    [InlineData("shanxi", "BAD_MOOD", "ordinary", 1, "reason_code")]
    [InlineData("shanxi", "RECORDING", "grave", 1, "severity")]
    public void PenaltiesOutsideThePolicyNameTheField(string province, string reason, string severity, int months, string field)
    {
        var problems = Termination.Check(ShippedPolicies.Of(province), reason, severity, months);

        Assert.Equal([field], problems.Select(p => p.Field));
    }

    [Fact]
    public void EveryReasonOfRulesSection7HasAChineseText()
    {
        Assert.Equal(10, Termination.Reasons.Count);
        Assert.All(Termination.Reasons, r => Assert.Matches("^[A-Z_]+$", r.Key));
        Assert.All(Termination.Reasons.Values, text => Assert.DoesNotMatch("[A-Za-z]", text));
    }

    [Fact]
    public void CancellationReasonNamesTheCauseAndTheNote()
    {
        Assert.Equal("网络故障", CancellationCauses.Describe("network_fault", " "));
        Assert.Equal("会见设备检修（更换摄像头）", CancellationCauses.Describe("maintenance", "更换摄像头"));
    }

    [Theory]
    [InlineData("shanxi", "serious", 3, "该情节的暂停会见期限为6个月")]
    [InlineData("shanxi", "ordinary", 4, "该情节的暂停会见期限应为1至3个月")]
    public void APenaltyOutsideItsRangeIsToldTheRangeOrTheOnePermittedLength(string province, string severity, int months, string expected)
    {
        var problem = Assert.Single(Termination.Check(ShippedPolicies.Of(province), "RECORDING", severity, months));

        Assert.Equal(("penalty_months", expected), problem);
    }
}
