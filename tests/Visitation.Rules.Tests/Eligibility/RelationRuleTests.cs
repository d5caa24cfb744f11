using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.Eligibility.Build;

namespace Visitation.Rules.Tests.Eligibility;

public sealed class RelationRuleTests
{
    [Theory]
    [InlineData("shanxi", "grandfather", "other", null, "[Y 五(二)]")]
    [InlineData("shanxi", "maternal_granddaughter", "other", null, "[Y 五(二)]")]
    [InlineData("shanxi", "grandmother", "duty_crime", RuleCodes.RelationRestrictedByCrime, "[Y 五(三)]")]
    [InlineData("shanxi", "grandson", "financial_crime", RuleCodes.RelationRestrictedByCrime, "[Y 五(三)]")]
    [InlineData("shanxi", "maternal_grandfather", "organised_crime", RuleCodes.RelationRestrictedByCrime, "[Y 五(三)]")]
    [InlineData("shanxi", "sister", "duty_crime", null, "[Y 五(三)]")]
    [InlineData("shanxi", "spouse", "organised_crime", null, "[Y 五(三)]")]
    [InlineData("shanxi", "guardian", "duty_crime", null, "[Y 五(一)]")]
    [InlineData("ningxia", "grandfather", "other", RuleCodes.RelationNotInScope, "[N§4]")]
    [InlineData("ningxia", "maternal_grandson", "other", RuleCodes.RelationNotInScope, "[N§4]")]
    [InlineData("ningxia", "grandmother", "duty_crime", RuleCodes.RelationNotInScope, "[N§4]")]
    [InlineData("ningxia", "brother", "duty_crime", null, "[N§4]")]
    [InlineData("ningxia", "guardian", "other", null, "[N§4]")]
    // Parents and children by law count as parents and children (《民法典》1072, 1111), in the narrow circle too.
    [InlineData("shanxi", "adoptive_mother", "other", null, "[Y 五(二)]")]
    [InlineData("shanxi", "stepson", "duty_crime", null, "[Y 五(三)]")]
    [InlineData("shanxi", "adopted_daughter", "organised_crime", null, "[Y 五(三)]")]
    [InlineData("ningxia", "stepfather", "other", null, "[N§4]")]
    [InlineData("ningxia", "adopted_son", "other", null, "[N§4]")]
    // Relatives the household register knows but neither province admits: refused with the province's article.
    [InlineData("shanxi", "uncle", "other", RuleCodes.RelationNotInScope, "[Y 五(二)]")]
    [InlineData("shanxi", "mother_in_law", "other", RuleCodes.RelationNotInScope, "[Y 五(二)]")]
    [InlineData("shanxi", "nephew", "other", RuleCodes.RelationNotInScope, "[Y 五(二)]")]
    [InlineData("ningxia", "daughter_in_law", "other", RuleCodes.RelationNotInScope, "[N§4]")]
    [InlineData("ningxia", "aunt", "other", RuleCodes.RelationNotInScope, "[N§4]")]
    public void WhoMayVisit(string province, string relation, string crime, string? expected, string source)
    {
        var result = Evaluate(province, Inmate(province, crime: crime), request: Request(Adult(relation)));

        if (expected is null)
        {
            Assert.True(result.Eligible, string.Join(" ", result.Codes()));
            return;
        }
        var failure = Assert.Single(result.Failures);
        Assert.Equal(expected, failure.Code);
        Assert.Equal(source, failure.Source);
        Assert.Contains("第1位会见人", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutOfScopeRelativeIsNamedInTheRefusal()
    {
        var failure = Assert.Single(Evaluate("shanxi", request: Request(Adult("uncle"))).Failures);

        Assert.Equal("第1位会见人（伯父／叔父／舅父／姑父／姨父）不在可会见的亲属范围内。", failure.Message);
    }

    [Fact]
    public void EveryRelationHasAChineseName()
    {
        Assert.All(RelationNames.Codes, code => Assert.NotEqual("其他亲属", RelationNames.Of(code)));
        Assert.Equal(34, RelationNames.Codes.Count);
    }

    [Fact]
    public void AnUnknownRelationIsOutOfScopeEverywhere()
    {
        Assert.Equal([RuleCodes.RelationNotInScope], Evaluate("shanxi", request: Request(Adult("godfather"))).Codes());
        Assert.Equal([RuleCodes.RelationNotInScope], Evaluate("ningxia", request: Request(Adult("godfather"))).Codes());
    }

    [Fact]
    public void AVisitorOutsideTheScopeIsReportedOnceNotAlsoAsRestricted()
    {
        var result = Evaluate("shanxi", Inmate("shanxi", crime: "duty_crime"), request: Request(Adult("uncle")));

        Assert.Equal([RuleCodes.RelationNotInScope], result.Codes());
    }

    [Fact]
    public void TheRestrictionMessageListsTheNarrowCircle()
    {
        var result = Evaluate("shanxi", Inmate("shanxi", crime: "duty_crime"), request: Request(Adult(), Adult("grandfather", 70)));

        var failure = Assert.Single(result.Failures);
        Assert.Contains("第2位会见人（祖父）", failure.Message, StringComparison.Ordinal);
        Assert.Contains("配偶、", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneRestrictedCrimeAmongSeveralRestrictsTheCircle()
    {
        var inmate = Inmate("shanxi") with { CrimeCategories = ["other", "duty_crime"] };

        Assert.Equal([RuleCodes.RelationRestrictedByCrime], Evaluate("shanxi", inmate, request: Request(Adult("grandmother", 70))).Codes());
    }
}
