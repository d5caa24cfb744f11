using System.Globalization;
using Visitation.Rules.Policies;
using Xunit;

namespace Visitation.Rules.Tests.Eligibility;

/// <summary>The shipped policy files say what the documents say.</summary>
public sealed class ShippedPolicyTests
{
    [Theory]
    [InlineData("shanxi", "lenient", 2, "[Y 三1]")]
    [InlineData("shanxi", "normal", 1, "[Y 三1]")]
    [InlineData("shanxi", "assessment", 1, "[Y 四1]")]
    [InlineData("ningxia", "lenient", 1, "[N§5]")]
    [InlineData("ningxia", "normal", 1, "[N§5]")]
    [InlineData("ningxia", "assessment", 1, "[N§5]")]
    public void VisitsPerMonthByLevel(string province, string level, int expected, string source)
    {
        Assert.Equal(expected, ShippedPolicies.Of(province).VisitsPerMonthByLevel[level]);
        Assert.Contains(source, ShippedPolicies.Of(province).Notes["visitsPerMonthByLevel"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shanxi", "visitMinutes", 30, "[Y 四1]")]
    [InlineData("ningxia", "visitMinutes", 30, "[N§5]")]
    [InlineData("ningxia", "juvenileVisitMinutes", 40, "[N§5 ¶2]")]
    [InlineData("ningxia", "juvenileVisitsPerMonth", 2, "[N§5 ¶2]")]
    [InlineData("shanxi", "maxCountedVisitors", 3, "[Y 四1]")]
    [InlineData("ningxia", "maxCountedVisitors", 3, "[N§5]")]
    [InlineData("shanxi", "childNotCountedUnderAge", 14, "[Y 四1]")]
    [InlineData("ningxia", "childNotCountedUnderAge", 12, "[N§5]")]
    [InlineData("shanxi", "guardianRequiredUnderAge", 14, "[Y 五(四)]")]
    [InlineData("ningxia", "guardianRequiredUnderAge", 14, "policy choice")]
    [InlineData("shanxi", "advanceDays", 10, "[Y 二]")]
    [InlineData("ningxia", "advanceDays", 0, "not stated")]
    public void Numbers(string province, string field, int expected, string source)
    {
        var policy = ShippedPolicies.Of(province);
        int? actual = field switch
        {
            "visitMinutes" => policy.VisitMinutes,
            "juvenileVisitMinutes" => policy.JuvenileVisitMinutes,
            "juvenileVisitsPerMonth" => policy.JuvenileVisitsPerMonth,
            "maxCountedVisitors" => policy.MaxCountedVisitors,
            "childNotCountedUnderAge" => policy.ChildNotCountedUnderAge,
            "guardianRequiredUnderAge" => policy.GuardianRequiredUnderAge,
            "advanceDays" => policy.AdvanceDays,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Assert.Equal(expected, actual);
        // The file says where each number comes from (or that it is ours).
        Assert.Contains(source, policy.Notes[field], StringComparison.Ordinal);
    }

    [Fact]
    public void ShanxiHasNoJuvenileRulesOfItsOwn()
    {
        Assert.Null(ShippedPolicies.Shanxi.JuvenileVisitsPerMonth);
        Assert.Null(ShippedPolicies.Shanxi.JuvenileVisitMinutes);
    }

    [Theory]
    [InlineData("shanxi", "ordinary", 1, 3, "[Y 十]")]
    [InlineData("shanxi", "serious", 6, 6, "[Y 十]")]
    [InlineData("shanxi", "very_serious", 12, 12, "[Y 十]")]
    [InlineData("ningxia", "ordinary", 1, 3, "[N§14]")]
    public void PenaltyMonths(string province, string severity, int min, int max, string source)
    {
        var policy = ShippedPolicies.Of(province);

        Assert.Equal(new PenaltyRange(min, max), policy.PenaltyMonthsBySeverity[severity]);
        Assert.Equal(source, policy.SourceOf("suspension:penalty"));
    }

    [Fact]
    public void NingxiaHasNoGraverPenaltyTiers()
    {
        Assert.Equal(["ordinary"], ShippedPolicies.Ningxia.PenaltyMonthsBySeverity.Keys);
    }

    [Theory]
    [InlineData("shanxi", 16, "[Y 五(二)]")]
    [InlineData("ningxia", 8, "[N§4]")]
    public void RelationScope(string province, int count, string source)
    {
        var policy = ShippedPolicies.Of(province);

        Assert.Equal(count, policy.AllowedRelations.Count);
        Assert.Equal(count, policy.AllowedRelations.Distinct().Count());
        Assert.Subset(Rules.Eligibility.RelationNames.Codes.ToHashSet(), policy.AllowedRelations.ToHashSet());
        Assert.Equal(source, policy.SourceOf("RELATION_NOT_IN_SCOPE"));
    }

    [Fact]
    public void ShanxiRestrictionMatchesArticle5Item3()
    {
        var policy = ShippedPolicies.Shanxi;

        Assert.Equal(["duty_crime", "financial_crime", "organised_crime"], policy.RestrictedCrimeCategories);
        Assert.Equal(["spouse", "father", "mother", "son", "daughter", "brother", "sister", "guardian"], policy.RestrictedRelations);
        Assert.Empty(ShippedPolicies.Ningxia.RestrictedCrimeCategories);
    }

    [Theory]
    [InlineData("shanxi", "prison_area,prison_administration_section,prison_leadership", "recent_photo")]
    [InlineData("ningxia", "prison_director", "real_person_verification")]
    public void ApprovalChainAndExtraDocuments(string province, string chain, string document)
    {
        var policy = ShippedPolicies.Of(province);

        Assert.Equal(chain.Split(','), policy.ExtraVisitApprovalChain);
        Assert.Equal([document], policy.RequiredDocumentsPerAdult);
        Assert.Equal(["strict"], policy.SuspendedLevels);
        Assert.True(policy.NoShowCountsAsVisit);
    }

    [Theory]
    [InlineData("shanxi", "2026-01-01")]
    [InlineData("ningxia", "2021-07-16")]
    public void ReviewDeadlinesAreMarkedAsOurChoice(string province, string effectiveFrom)
    {
        var policy = ShippedPolicies.Of(province);

        Assert.Equal(DateOnly.Parse(effectiveFrom, CultureInfo.InvariantCulture), policy.EffectiveFrom);
        Assert.False(string.IsNullOrWhiteSpace(policy.Version));
        Assert.Equal(["judicial_office", "county_bureau", "prison", "material_resubmission"], policy.ReviewDeadlineWorkingDays.Keys);
        Assert.All(["judicial_office", "county_bureau", "prison"], stage => Assert.Equal(3, policy.ReviewDeadlineWorkingDays[stage]));
        // The office's time to hand in what a stage sent the application back for (docs/send-back.md).
        Assert.Equal(5, policy.ReviewDeadlineWorkingDays["material_resubmission"]);
        Assert.StartsWith("policy choice, not from the documents", policy.Notes["reviewDeadlineWorkingDays"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shanxi")]
    [InlineData("ningxia")]
    public void EverySuspensionKindHasACitation(string province)
    {
        var policy = ShippedPolicies.Of(province);

        Assert.All(Rules.Eligibility.StatusKinds.All, kind => Assert.StartsWith("[", policy.SourceOf("suspension:" + kind), StringComparison.Ordinal));
    }
}
