using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.Eligibility.Build;

namespace Visitation.Rules.Tests.Eligibility;

public sealed class VisitorRuleTests
{
    [Theory]
    // Three adults (one the children's guardian) plus one child of the given age.
    [InlineData("shanxi", 11, true, "[Y 四1]")]
    [InlineData("shanxi", 12, true, "[Y 四1]")]
    [InlineData("shanxi", 13, true, "[Y 四1]")]
    [InlineData("shanxi", 14, false, "[Y 四1]")]
    [InlineData("ningxia", 11, true, "[N§5]")]
    [InlineData("ningxia", 12, false, "[N§5]")]
    [InlineData("ningxia", 14, false, "[N§5]")]
    public void YoungChildrenAreNotCounted(string province, int childAge, bool allowed, string source)
    {
        var request = Request(Adult("spouse", guardian: true), Adult("father", 65), Adult("mother", 63), Child(childAge));

        var result = Evaluate(province, request: request);

        Assert.Equal(allowed, result.Eligible);
        if (!allowed)
        {
            var failure = Assert.Single(result.Failures);
            Assert.Equal(RuleCodes.TooManyVisitors, failure.Code);
            Assert.Equal(source, failure.Source);
            Assert.Contains("本次申请4人", failure.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("shanxi", "[Y 四1]")]
    [InlineData("ningxia", "[N§5]")]
    public void AFourthAdultIsRefused(string province, string source)
    {
        var three = Request(Adult(), Adult("father", 65), Adult("mother", 63));
        var four = Request(Adult(), Adult("father", 65), Adult("mother", 63), Adult("brother", 35));

        Assert.True(Evaluate(province, request: three).Eligible);
        var failure = Assert.Single(Evaluate(province, request: four).Failures);
        Assert.Equal(RuleCodes.TooManyVisitors, failure.Code);
        Assert.Equal(source, failure.Source);
        var underAge = province == "shanxi" ? 14 : 12;
        Assert.Equal($"每次会见人数不得超过3人（会见日不满{underAge}周岁的儿童不计），本次申请4人。", failure.Message);
    }

    [Theory]
    [InlineData("shanxi", 13, false, 40, false, "[Y 五(四)]")]
    [InlineData("shanxi", 13, true, 40, true, "[Y 五(四)]")]
    [InlineData("shanxi", 13, true, 17, false, "[Y 五(四)]")]
    [InlineData("shanxi", 14, false, 40, true, "[Y 五(四)]")]
    [InlineData("shanxi", 5, false, 40, false, "[Y 五(四)]")]
    [InlineData("ningxia", 13, false, 40, false, "policy choice, after [Y 五(四)]")]
    [InlineData("ningxia", 13, true, 40, true, "policy choice, after [Y 五(四)]")]
    [InlineData("ningxia", 14, false, 40, true, "policy choice, after [Y 五(四)]")]
    public void AChildNeedsTheirGuardian(string province, int childAge, bool guardianFlag, int guardianAge, bool allowed, string source)
    {
        var companion = new Visitor("sister", guardianAge, guardianFlag, AdultDocuments, []);
        var request = Request(companion, Child(childAge, "daughter"));

        var result = Evaluate(province, request: request);

        Assert.Equal(allowed, result.Eligible);
        if (!allowed)
        {
            var failure = Assert.Single(result.Failures, f => f.Code == RuleCodes.ChildWithoutGuardian);
            Assert.Equal(source, failure.Source);
            Assert.Equal("不满14周岁的未成年人会见须由其监护人陪同。", failure.Message);
        }
    }

    [Theory]
    [InlineData("shanxi", 40, "resident_id,household_register,recent_photo", null, "[Y 六]")]
    [InlineData("shanxi", 40, "resident_id,visit_permit,recent_photo", null, "[Y 六]")]
    [InlineData("shanxi", 40, "resident_id,court_judgment,recent_photo", null, "[Y 六]")]
    [InlineData("shanxi", 40, "household_register,recent_photo", RuleCodes.IdentityDocumentMissing, "[Y 六]")]
    [InlineData("shanxi", 40, "resident_id,recent_photo", RuleCodes.RelationshipProofMissing, "[Y 六]")]
    [InlineData("shanxi", 40, "resident_id,marriage_certificate", RuleCodes.RequiredDocumentMissing, "[Y 三2]")]
    [InlineData("shanxi", 16, "household_register", null, "[Y 六]")]
    [InlineData("shanxi", 18, "household_register,recent_photo", RuleCodes.IdentityDocumentMissing, "[Y 六]")]
    [InlineData("ningxia", 40, "resident_id,birth_certificate,real_person_verification", null, "[N§7]")]
    [InlineData("ningxia", 40, "resident_id,birth_certificate,recent_photo", RuleCodes.RequiredDocumentMissing, "[N§7]")]
    [InlineData("ningxia", 40, "resident_id,real_person_verification", RuleCodes.RelationshipProofMissing, "[N§7]")]
    [InlineData("ningxia", 40, "relationship_certificate,real_person_verification", RuleCodes.IdentityDocumentMissing, "[NC§6]")]
    [InlineData("ningxia", 15, "household_register", null, "[NC§6]")]
    public void Documents(string province, int age, string documents, string? expected, string source)
    {
        var visitor = new Visitor("brother", age, false, documents.Split(','), []);

        var result = Evaluate(province, request: Request(visitor));

        if (expected is null)
        {
            Assert.True(result.Eligible, string.Join(" ", result.Codes()));
            return;
        }
        var failure = Assert.Single(result.Failures);
        Assert.Equal(expected, failure.Code);
        Assert.Equal(source, failure.Source);
    }

    [Theory]
    [InlineData(16, "第1位会见人（兄弟）须出示居民身份证或户口簿。")]
    [InlineData(40, "第1位会见人（兄弟）须出示本人居民身份证。")]
    public void AMinorMayShowTheHouseholdRegisterAndIsToldSo(int age, string expected)
    {
        var visitor = new Visitor("brother", age, false, [DocumentKinds.BirthCertificate, DocumentKinds.RecentPhoto], []);

        var failure = Assert.Single(Evaluate("shanxi", request: Request(visitor)).Failures, f => f.Code == RuleCodes.IdentityDocumentMissing);

        Assert.Equal(expected, failure.Message);
    }
}
