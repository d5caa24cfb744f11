using Visitation.Rules.Identity;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Identity;

public sealed class ResidentIdNumberTests
{
    [Theory]
    // The published example of a valid number, and numbers whose last character the oracle computed.
    [InlineData("11010519491231002X", "1949-12-31", false)]
    [InlineData("11010519491231002x", "1949-12-31", false)]
    [InlineData("  11010519491231002X\t", "1949-12-31", false)]
    [InlineData("110101199003070011", "1990-03-07", true)]
    [InlineData("11010520000229003X", "2000-02-29", true)]
    [InlineData("34052419800101001X", "1980-01-01", true)]
    public void AcceptsValidNumbers(string id, string birthDate, bool isMale)
    {
        var result = ResidentIdNumber.Check(id);

        Assert.True(result.IsValid, result.ErrorMessage);
        Assert.Null(result.ErrorCode);
        Assert.Null(result.ErrorMessage);
        Assert.Equal(D(birthDate), result.BirthDate);
        Assert.Equal(isMale, result.IsMale);
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    [InlineData("11010119900307001", '1')]
    public void OracleAgreesWithPublishedExamples(string first17, char expected)
    {
        Assert.Equal(expected, CheckCharacterOracle.For(first17));
    }

    [Theory]
    [InlineData("11010519491231002")]
    [InlineData("14270119900101123")]
    [InlineData("65010220121130456")]
    [InlineData("00000019000101000")]
    [InlineData("99999920991231999")]
    [InlineData("44030419850715002")]
    public void WithCheckCharacterMatchesTheOracleAndValidates(string first17)
    {
        var id = ResidentIdNumber.WithCheckCharacter(first17);

        Assert.Equal(first17 + CheckCharacterOracle.For(first17), id);
        Assert.True(ResidentIdNumber.Check(id).IsValid);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("11010519491231002", "length")]
    [InlineData("11010519491231002X1", "length")]
    [InlineData("11010519491231002A", "format")]
    [InlineData("1101051949123100AX", "format")]
    [InlineData("A1010519491231002X", "format")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "format")]
    [InlineData("110105194912310021", "check_digit")]
    [InlineData("110105194912310020", "check_digit")]
    public void RejectsMalformedNumbersWithTheirCode(string? id, string expectedCode)
    {
        var result = ResidentIdNumber.Check(id);

        Assert.False(result.IsValid);
        Assert.Equal(expectedCode, result.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(result.ErrorMessage));
        Assert.Null(result.BirthDate);
        Assert.Null(result.IsMale);
    }

    [Theory]
    [InlineData("11010520010230001")] // 30 February
    [InlineData("11010520010229001")] // 29 February in a common year
    [InlineData("11010519901301001")] // month 13
    [InlineData("11010519900100001")] // day 0
    [InlineData("44052418800101001")] // GB 11643's own example: real check character, year before 1900
    public void RejectsImpossibleBirthDatesEvenWithACorrectCheckCharacter(string first17)
    {
        var id = first17 + CheckCharacterOracle.For(first17);

        var result = ResidentIdNumber.Check(id);

        Assert.False(result.IsValid);
        Assert.Equal(("birth_date", "身份证号码中的出生日期无效"), (result.ErrorCode, result.ErrorMessage));
    }

    [Fact]
    public void CheckDigitMessageIsChinese()
    {
        Assert.Equal("身份证号码校验位不正确", ResidentIdNumber.Check("110105194912310021").ErrorMessage);
    }

    [Theory]
    [InlineData(" 11010519491231002x ", "11010519491231002X")]
    [InlineData("110105194912310021", null)]
    [InlineData(null, null)]
    public void NormalizeTrimsAndUpperCasesValidNumbersOnly(string? id, string? expected)
    {
        Assert.Equal(expected, ResidentIdNumber.Normalize(id));
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("1101051949123100X")]
    public void WithCheckCharacterRejectsAnythingButSeventeenDigits(string first17)
    {
        Assert.Throws<ArgumentException>(() => ResidentIdNumber.WithCheckCharacter(first17));
    }
}
