using Visitation.Rules.Sms;
using Xunit;

namespace Visitation.Rules.Tests.Sms;

/// <summary>
/// The registered templates (sms-templates.json): one per kind with a code at each provider, composed
/// only within each variable's registered length, and every one fitting with the worst values the
/// system can give it.
/// </summary>
public sealed class SmsTemplateRegistryTests
{
    public static TheoryData<SmsKind> Kinds() => [.. Enum.GetValues<SmsKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKindHasARegisteredTemplateWithANameVariablesAndACodeAtEachProvider(SmsKind kind)
    {
        var template = SmsTemplateRegistry.For(kind);

        Assert.Equal(kind, template.Kind);
        Assert.False(string.IsNullOrWhiteSpace(template.Name));
        Assert.DoesNotContain(SmsTemplateRegistry.Signature, template.Text, StringComparison.Ordinal);
        Assert.All(template.Variables, v => Assert.InRange(v.MaxLength, 1, 50));
        Assert.Matches("^SMS_[0-9]+$", template.ProviderCodes[SmsTemplateRegistry.Aliyun]);
        Assert.Matches("^[0-9]+$", template.ProviderCodes[SmsTemplateRegistry.Tencent]);
    }

    [Fact]
    public void NoTwoTemplatesShareANameOrAProviderCode()
    {
        var all = SmsTemplateRegistry.All;

        Assert.Equal(Enum.GetValues<SmsKind>().Length, all.Count);
        Assert.Equal(all.Count, all.Select(t => t.Name).Distinct().Count());
        Assert.Equal(all.Count, all.Select(t => t.ProviderCodes[SmsTemplateRegistry.Aliyun]).Distinct().Count());
        Assert.Equal(all.Count, all.Select(t => t.ProviderCodes[SmsTemplateRegistry.Tencent]).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheComposedTextIsTheSignatureAndTheRegisteredBodyWithTheVariablesInTextOrder(SmsKind kind)
    {
        var template = SmsTemplateRegistry.For(kind);
        var examples = template.Variables.ToDictionary(v => v.Name, v => v.Example);

        var sms = SmsTemplates.Compose(kind, examples);

        Assert.Equal(template.Variables.Select(v => v.Name), sms.Parameters.Select(p => p.Key));
        var body = sms.Parameters.Aggregate(template.Text, (text, p) => text.Replace("{" + p.Key + "}", p.Value, StringComparison.Ordinal));
        Assert.Equal(SmsTemplates.Signature + body, sms.Text);
        Assert.Equal(sms.Text, SmsTemplates.Render(kind, examples));
    }

    public static TheoryData<SmsKind, string> EveryVariableOfEveryKind()
    {
        var data = new TheoryData<SmsKind, string>();
        foreach (var template in SmsTemplateRegistry.All)
        {
            foreach (var variable in template.Variables)
                data.Add(template.Kind, variable.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryVariableOfEveryKind))]
    public void AValueOneCharacterOverItsVariablesLimitIsACompositionErrorNamingTheVariable(SmsKind kind, string name)
    {
        var template = SmsTemplateRegistry.For(kind);
        var values = template.Variables.ToDictionary(v => v.Name, v => v.Example);
        var limit = template.Variables.Single(v => v.Name == name).MaxLength;
        values[name] = new string('字', limit);
        SmsTemplates.Render(kind, values);

        values[name] = new string('字', limit + 1);
        var error = Assert.Throws<SmsCompositionException>(() => SmsTemplates.Render(kind, values));

        Assert.Equal(name, error.Variable);
        Assert.Equal(name, error.ParamName);
        Assert.Equal(limit + 1, error.Length);
    }

    [Fact]
    public void ACharacterOutsideTheBasicPlaneCountsAsOneAsTheProvidersCountIt()
    {
        var values = new Dictionary<string, string> { ["month"] = new string('月', 6) + "𠀀", ["reference"] = "ABC" };

        var sms = SmsTemplates.Compose(SmsKind.Received, values);

        Assert.Equal(7, SmsTemplates.LengthOf(sms.Parameters[0].Value));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryTemplateWithTheWorstCaseValuesStaysWithinEveryVariablesLimit(SmsKind kind)
    {
        var template = SmsTemplateRegistry.For(kind);
        foreach (var values in SmsWorstCase.ValueSets())
        {
            // Compose throws SmsCompositionException on any value over its limit: reaching the asserts is the proof.
            var sms = SmsTemplates.Compose(kind, values);

            Assert.All(sms.Parameters, p => Assert.InRange(SmsTemplates.LengthOf(p.Value), 1, template.Variables.Single(v => v.Name == p.Key).MaxLength));
            Assert.InRange(SmsTemplates.LengthOf(sms.Text), 1, SmsContentTests.Budget);
            var variables = string.Join(", ", sms.Parameters.Select(p => FormattableString.Invariant($"{p.Key} {SmsTemplates.LengthOf(p.Value)}/{template.Variables.Single(v => v.Name == p.Key).MaxLength}")));
            TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant($"{kind} ({template.Name}): {SmsTemplates.LengthOf(sms.Text)} of {SmsContentTests.Budget} characters; {variables}"));
        }
    }
}
