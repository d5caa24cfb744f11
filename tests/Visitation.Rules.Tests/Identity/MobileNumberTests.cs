using Visitation.Rules.Identity;
using Xunit;

namespace Visitation.Rules.Tests.Identity;

public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("19912345678", true)]
    [InlineData(" 15012345678 ", true)]
    [InlineData("12800138000", false)] // second digit 2
    [InlineData("10800138000", false)]
    [InlineData("23800138000", false)]
    [InlineData("1380013800", false)]
    [InlineData("138001380000", false)]
    [InlineData("1380013800a", false)]
    [InlineData("138 0013 8000", false)]
    [InlineData("+8613800138000", false)]
    [InlineData("１３８００１３８０００", false)] // full-width digits
    [InlineData("", false)]
    [InlineData(null, false)]
    public void ValidatesMainlandMobileNumbers(string? number, bool expected)
    {
        Assert.Equal(expected, MobileNumber.IsValid(number));
    }
}
