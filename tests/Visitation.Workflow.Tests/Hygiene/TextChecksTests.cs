using System.Text;
using CsCheck;
using Visitation.ServiceDefaults.Grpc.Hygiene;
using Xunit;

namespace Visitation.Workflow.Tests.Hygiene;

/// <summary>The character, length and form rules of one text, alone.</summary>
public sealed class TextChecksTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData("张\0三")]
    [InlineData("张三\u001b[31m")]
    [InlineData("张三\r\n李四")]
    [InlineData("张三\t")]
    [InlineData("张三\u0085")]
    [InlineData("张三\u2028")]
    public void ControlCharactersAndLineBreaksAreRefused(string name) =>
        Assert.Equal(Refusal.ControlCharacter, Check(name, InputRules.PersonName));

    [Theory]
    [InlineData("张\u202E三")]
    [InlineData("\u2066张三\u2069")]
    [InlineData("张三\u200F")]
    public void BidiOverridesIsolatesAndMarksAreRefused(string name) =>
        Assert.Equal(Refusal.BidiControl, Check(name, InputRules.PersonName));

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200B \u200D\uFEFF")]
    [InlineData("\u3164\u3164")]
    public void TextOfOnlyInvisibleCharactersIsRefused(string name) =>
        Assert.Equal(Refusal.InvisibleOnly, Check(name, InputRules.PersonName));

    [Fact]
    public void OnlyOrdinarySpacesAreLeftToTheHandlersRequiredCheck() =>
        Assert.Null(Check("   ", InputRules.PersonName));

    [Fact]
    public void ALoneSurrogateIsRefused() =>
        Assert.Equal(Refusal.InvalidText, Check("张\uD800三", InputRules.PersonName));

    [Fact]
    public void ANameIsAtMostThirtyCharactersCountedAsCharactersNotCodeUnits()
    {
        Assert.Null(Check(new string('张', 30), InputRules.PersonName));
        Assert.Equal("TOO_LONG", Check(new string('张', 31), InputRules.PersonName)?.Code);
        // 30 characters outside the BMP are 60 UTF-16 code units, still 30 characters.
        Assert.Null(Check(string.Concat(Enumerable.Repeat("𠀀", 30)), InputRules.PersonName));
    }

    [Fact]
    public void AReasonIsAtMostTwoHundredCharactersAndAnIdSixtyFour()
    {
        Assert.Null(Check(new string('因', 200), InputRules.FreeText));
        Assert.Equal("TOO_LONG", Check(new string('因', 201), InputRules.FreeText)?.Code);
        Assert.Equal("TOO_LONG", Check(new string('a', 65), InputRules.Identifier)?.Code);
        Assert.Equal("TOO_LONG", Check(new string('a', 1_000_000), InputRules.Identifier)?.Code);
    }

    [Fact]
    public void AcceptedTextComesBackNfcNormalised()
    {
        var decomposed = "Jose\u0301";
        Assert.Null(TextChecks.Check(decomposed, InputRules.PersonName, Today, out var normalised));
        Assert.Equal("José", normalised);
        Assert.True(normalised.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("9999-12")]
    [InlineData("0001-01")]
    [InlineData("1899-12")]
    [InlineData("2036-12")]
    public void AMonthOutsideNineteenHundredToTenYearsAheadIsOutOfRange(string month) =>
        Assert.Equal(Refusal.OutOfRange, Check(month, InputRules.Month));

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2036-12-01")]
    public void ADateOutsideTheRangeIsOutOfRange(string date) =>
        Assert.Equal(Refusal.OutOfRange, Check(date, InputRules.Date));

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2026-11-30")]
    [InlineData("2036-11-30")]
    public void ADateWithinTheRangeIsAccepted(string date) => Assert.Null(Check(date, InputRules.Date));

    [Theory]
    [InlineData("2026-13", "BAD_FORMAT")]
    [InlineData("2026-1", "BAD_FORMAT")]
    [InlineData("2026-11-31x", "TOO_LONG")]
    public void AMalformedMonthOrDateIsRefusedWithoutRepeatingIt(string value, string code)
    {
        var refusal = Check(value, value.Length > 7 ? InputRules.Date : InputRules.Month);
        Assert.Equal(code, refusal?.Code);
        Assert.DoesNotContain(value, refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAcceptedTextOfAnyCharactersHasNoControlOrBidiCharacterAndFitsItsLimit()
    {
        // Single UTF-16 units of a hostile alphabet, so lone surrogates of the last character come up too.
        var hostileChars = Gen.Char["\0\u0001\u001b\r\n\u0085\u202E\u2066\u200B\uFEFF\u3164 a张é\u0301𠀀"];
        var text = Gen.OneOf<string>(hostileChars.Array[0, 40].Select(chars => new string(chars)), Gen.String[0, 80]);
        text.Sample(value =>
        {
            if (TextChecks.Check(value, InputRules.PersonName, Today, out var normalised) is null)
            {
                Assert.DoesNotContain(normalised.EnumerateRunes(), r => Rune.IsControl(r) || TextChecks.IsBidiControl(r.Value));
                Assert.True(normalised.EnumerateRunes().Count() <= InputRules.PersonName.MaxLength);
                Assert.True(normalised.IsNormalized(NormalizationForm.FormC));
            }
        }, iter: 2_000, threads: 1);
    }

    private static Refusal? Check(string value, TextRule rule) => TextChecks.Check(value, rule, Today, out _);
}
