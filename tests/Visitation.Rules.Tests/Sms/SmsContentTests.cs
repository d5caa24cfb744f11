using System.Globalization;
using System.Reflection;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Sms;
using Visitation.ServiceDefaults.Grpc.Hygiene;
using Xunit;

namespace Visitation.Rules.Tests.Sms;

/// <summary>
/// What an SMS to a family may carry (docs/sms-content.md): every template rendered with the
/// worst values the system can give it stays within the segment budget, names nothing about the
/// inmate, and carries no value a person typed.
/// </summary>
public sealed class SmsContentTests
{
    /// <summary>Three parts of a concatenated UCS-2 SMS (67 characters each once the parts are joined).</summary>
    public const int Budget = 3 * 67;

    /// <summary>The only values a template may name: all chosen by the system, none typed by a person.</summary>
    private static readonly string[] SystemValues =
        ["month", "nextMonth", "reference", "bureauName", "officeName", "reason", "date", "time", "minutes", "venueName", "venueAddress", "materials", "visitors"];

    /// <summary>Words that would tell a shared phone about the inmate, their case or their standing.</summary>
    private static readonly string[] InmateFacts =
        ["罪", "服刑", "监狱", "禁闭", "严管", "侦查", "调查", "处遇", "等级", "暂停", "处罚", "惩罚", "违规", "调监", "释放", "名册"];

    public static TheoryData<SmsKind> Kinds() => [.. Enum.GetValues<SmsKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ATemplateNamesOnlyValuesTheSystemChose(SmsKind kind)
    {
        Assert.All(SmsTemplates.Placeholders(kind), name => Assert.Contains(name, SystemValues));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheLongestRenderingOfEachTemplateFitsTheBudgetAndTellsNothingAboutTheInmate(SmsKind kind)
    {
        foreach (var text in WorstCaseRenderings(kind))
        {
            Assert.InRange(new StringInfo(text).LengthInTextElements, 1, Budget);
            Assert.All(InmateFacts, fact => Assert.DoesNotContain(fact, text, StringComparison.Ordinal));
            Assert.Null(TextChecks.UnsafeCharacters(text));
            Assert.DoesNotContain(text.EnumerateRunes(), TextChecks.IsInvisible);
        }
    }

    [Fact]
    public void EveryRuleCodeAboutTheInmateGivesTheNeutralSentence()
    {
        string[] aboutTheInmate =
        [
            RuleCodes.ManagementLevelSuspended, RuleCodes.MonthlyQuotaUsed, RuleCodes.VisitorBarred, RuleCodes.InmateTransferred,
            RuleCodes.InmateReleased, RuleCodes.RelationRestrictedByCrime, RuleCodes.Suspended("confinement"), RuleCodes.Suspended("investigation"),
        ];

        Assert.All(aboutTheInmate, code => Assert.Equal(SmsReasons.ConditionsNotMet, SmsReasons.For(code)));
    }

    [Fact]
    public void EveryRuleCodeGivesOneOfTheFewSentencesAndAnUnknownCodeTheNeutralOne()
    {
        var codes = typeof(RuleCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(codes, code => Assert.Contains(SmsReasons.For(code), SmsReasons.All));
        Assert.Equal(SmsReasons.ConditionsNotMet, SmsReasons.For("A_REVIEWERS_OWN_CODE"));
        Assert.Equal(SmsReasons.ConditionsNotMet, SmsReasons.For(null));
        Assert.Equal(SmsReasons.ApplicationDetails, SmsReasons.For(RuleCodes.IdentityDocumentMissing));
    }

    /// <summary>A template rendered with the longest value of each kind the system holds (<see cref="SmsWorstCase"/>).</summary>
    private static IEnumerable<string> WorstCaseRenderings(SmsKind kind) =>
        SmsWorstCase.ValueSets().Select(values => SmsTemplates.Render(kind, values));
}
