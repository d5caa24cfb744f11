using System.Text.Json;
using System.Text.Json.Nodes;
using Visitation.Rules.Policies;
using Xunit;

namespace Visitation.Rules.Tests.Eligibility;

public sealed class PolicySetTests
{
    private static PolicySet ShanxiWithPrison(string overrideJson)
    {
        var file = JsonNode.Parse(ShippedPolicies.Read("shanxi"))!.AsObject();
        file["prisonOverrides"] = new JsonObject { ["taiyuan-2"] = JsonNode.Parse(overrideJson) };
        return PolicyJson.Parse(file.ToJsonString());
    }

    [Fact]
    public void AnOverrideReplacesOnlyTheFieldsItSets()
    {
        var set = ShanxiWithPrison("""{ "advanceDays": 7, "version": "taiyuan-2-2026" }""");

        var prison = set.For("shanxi", "taiyuan-2");
        var province = set.For("shanxi", null);

        Assert.Equal(7, prison.AdvanceDays);
        Assert.Equal("taiyuan-2-2026", prison.Version);
        Assert.Equal(10, province.AdvanceDays);
        Assert.Equal(province.MaxCountedVisitors, prison.MaxCountedVisitors);
        Assert.Equal(province.AllowedRelations, prison.AllowedRelations);
        Assert.Equal(province.VisitsPerMonthByLevel, prison.VisitsPerMonthByLevel);
    }

    [Fact]
    public void NestedObjectsMergeKeyByKeyAndListsReplaceWhole()
    {
        var set = ShanxiWithPrison("""{ "visitsPerMonthByLevel": { "lenient": 3 }, "restrictedCrimeCategories": ["duty_crime"] }""");

        var prison = set.For("shanxi", "taiyuan-2");

        Assert.Equal(3, prison.VisitsPerMonthByLevel["lenient"]);
        Assert.Equal(1, prison.VisitsPerMonthByLevel["normal"]);
        Assert.Equal(["duty_crime"], prison.RestrictedCrimeCategories);
    }

    [Fact]
    public void APrisonWithoutOverrideGetsTheProvincePolicy()
    {
        var set = ShanxiWithPrison("""{ "advanceDays": 7 }""");

        Assert.Same(set.For("shanxi", null), set.For("shanxi", "yongji"));
    }

    [Fact]
    public void AnOverrideCanBeAppliedRepeatedly()
    {
        var set = ShanxiWithPrison("""{ "visitsPerMonthByLevel": { "lenient": 3 } }""");

        Assert.Equal(3, set.For("shanxi", "taiyuan-2").VisitsPerMonthByLevel["lenient"]);
        Assert.Equal(3, set.For("shanxi", "taiyuan-2").VisitsPerMonthByLevel["lenient"]);
    }

    [Fact]
    public void AnUnknownProvinceThrowsInsteadOfGuessing()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ShippedPolicies.Set.For("gansu", null));

        Assert.Contains("gansu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnionHoldsBothProvinces()
    {
        Assert.Equal(["ningxia", "shanxi"], ShippedPolicies.Set.Provinces.Order());
    }

    [Theory]
    [InlineData("advanceDays")]
    [InlineData("juvenileVisitsPerMonth")]
    [InlineData("sources")]
    public void AMissingFieldFailsToLoad(string field)
    {
        var file = JsonNode.Parse(ShippedPolicies.Read("shanxi"))!.AsObject();
        file["policy"]!.AsObject().Remove(field);

        Assert.ThrowsAny<JsonException>(() => PolicyJson.Parse(file.ToJsonString()));
    }

    [Fact]
    public void ANullListFailsToLoad()
    {
        var file = JsonNode.Parse(ShippedPolicies.Read("ningxia"))!.AsObject();
        file["policy"]!["allowedRelations"] = null;

        Assert.ThrowsAny<JsonException>(() => PolicyJson.Parse(file.ToJsonString()));
    }

    [Fact]
    public void UnionKeepsTheProvincesAndPrisonOverridesOfBothSides()
    {
        var withPrison = ShanxiWithPrison("""{ "advanceDays": 7 }""");
        var ningxia = PolicyJson.Parse(ShippedPolicies.Read("ningxia"));

        foreach (var union in new[] { ningxia.Union(withPrison), withPrison.Union(ningxia) })
        {
            Assert.Equal(["ningxia", "shanxi"], union.Provinces.Order());
            Assert.Equal(7, union.For("shanxi", "taiyuan-2").AdvanceDays);
        }
    }

    [Fact]
    public void AFileWithoutPrisonOverridesLoads()
    {
        var file = JsonNode.Parse(ShippedPolicies.Read("ningxia"))!.AsObject();
        file.Remove("prisonOverrides");

        Assert.Equal(["ningxia"], PolicyJson.Parse(file.ToJsonString()).Provinces);
    }
}
