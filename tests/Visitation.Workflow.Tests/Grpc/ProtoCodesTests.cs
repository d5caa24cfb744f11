using Visitation.Contracts.Grpc;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Slots;
using Visitation.Workflow.Grpc;
using Xunit;
using RulePartOfDay = Visitation.Rules.Slots.PartOfDay;
using WirePartOfDay = Visitation.Contracts.Grpc.PartOfDay;

namespace Visitation.Workflow.Tests.Grpc;

/// <summary>
/// The shared vocabularies of common.proto against the rules library's codes: every enum value has
/// a code the rules know and comes back from it, and every code the rules know has a value. A value
/// added on one side only fails here, not at a family's counter.
/// </summary>
public sealed class ProtoCodesTests
{
    [Fact]
    public void EveryRelationHasARuleCodeAndBack()
    {
        AssertSameVocabulary<Relation>(RelationNames.Codes);
        Assert.Equal("maternal_grandfather", ProtoCodes.ToCode(Relation.MaternalGrandfather));
    }

    [Fact]
    public void EveryDocumentKindHasARuleCodeAndBack()
    {
        AssertSameVocabulary<DocumentKind>(DocumentKinds.All);
        Assert.Equal(DocumentKinds.RealPersonVerification, ProtoCodes.ToCode(DocumentKind.RealPersonVerification));
    }

    [Fact]
    public void EveryPartOfDayHasASlotPreferenceCodeAndBack()
    {
        var ruleCodes = Enum.GetValues<RulePartOfDay>().Where(p => p != RulePartOfDay.Any).Select(SlotPreference.Code).ToList();
        AssertSameVocabulary<WirePartOfDay>(ruleCodes);
    }

    [Fact]
    public void UnspecifiedPartOfDayIsAnyTimeForTheRules()
    {
        Assert.True(SlotPreference.TryParsePartOfDay(ProtoCodes.ToCode(WirePartOfDay.Unspecified), out var part));
        Assert.Equal(RulePartOfDay.Any, part);
        Assert.Equal(WirePartOfDay.Unspecified, ProtoCodes.FromCode<WirePartOfDay>(SlotPreference.Code(RulePartOfDay.Any)));
    }

    [Fact]
    public void UnspecifiedHasNoCodeAndNoCodeIsUnspecified()
    {
        Assert.Equal(string.Empty, ProtoCodes.ToCode(Relation.Unspecified));
        Assert.Equal(Relation.Unspecified, ProtoCodes.FromCode<Relation>(null));
        Assert.Equal(Relation.Unspecified, ProtoCodes.FromCode<Relation>(string.Empty));
        Assert.Equal(Relation.Unspecified, ProtoCodes.FromCode<Relation>("godfather"));
        Assert.Equal(DocumentKind.Unspecified, ProtoCodes.FromCode<DocumentKind>("passport"));
    }

    [Fact]
    public void OnlyADefinedNonZeroValueIsSpecified()
    {
        Assert.True(ProtoCodes.IsSpecified(Relation.Spouse));
        Assert.False(ProtoCodes.IsSpecified(Relation.Unspecified));
        Assert.False(ProtoCodes.IsSpecified((Relation)99));
        Assert.False(ProtoCodes.IsSpecified((DocumentKind)(-1)));
    }

    /// <summary>Both ways: each specified value's code is a rule code and reads back as the value; each rule code has a value.</summary>
    private static void AssertSameVocabulary<TEnum>(IEnumerable<string> ruleCodes) where TEnum : struct, Enum
    {
        var codes = ruleCodes.ToHashSet(StringComparer.Ordinal);
        var specified = Enum.GetValues<TEnum>().Where(ProtoCodes.IsSpecified).ToList();
        foreach (var value in specified)
        {
            var code = ProtoCodes.ToCode(value);
            Assert.True(codes.Contains(code), $"{typeof(TEnum).Name}.{value} gives \"{code}\", which the rules do not know");
            Assert.Equal(value, ProtoCodes.FromCode<TEnum>(code));
        }

        foreach (var code in codes)
        {
            var value = ProtoCodes.FromCode<TEnum>(code);
            Assert.True(ProtoCodes.IsSpecified(value), $"the rules' code \"{code}\" has no {typeof(TEnum).Name} value");
            Assert.Equal(code, ProtoCodes.ToCode(value));
        }

        Assert.Equal(codes.Count, specified.Count);
    }
}
