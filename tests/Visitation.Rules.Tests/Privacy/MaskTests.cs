using Visitation.Rules.Privacy;
using Xunit;

namespace Visitation.Rules.Tests.Privacy;

public sealed class MaskTests
{
    [Theory]
    [InlineData("142701199001011234", "1427**********1234")]
    [InlineData("11010519491231002X", "1101**********002X")]
    [InlineData(" 11010519491231002X ", "1101**********002X")]
    [InlineData("123456789", "1234*6789")]
    [InlineData("12345678", "********")] // too short to show both ends: show nothing
    [InlineData("12", "**")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void IdNumberKeepsFirstAndLastFour(string? input, string expected)
    {
        Assert.Equal(expected, Mask.IdNumber(input));
    }

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("12345678", "123*5678")]
    [InlineData("1234567", "*******")]
    [InlineData("1", "*")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void PhoneKeepsFirstThreeAndLastFour(string? input, string expected)
    {
        Assert.Equal(expected, Mask.Phone(input));
    }

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("李四", "李*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("张", "张")]
    [InlineData(" 王五 ", "王*")]
    [InlineData("𠇔三", "𠇔*")] // a surrogate-pair surname stays whole
    [InlineData("王𠇔", "王*")] // and a surrogate-pair given name counts as one character
    [InlineData("", "")]
    [InlineData(null, "")]
    public void NameKeepsFirstCharacter(string? input, string expected)
    {
        Assert.Equal(expected, Mask.Name(input));
    }
}
