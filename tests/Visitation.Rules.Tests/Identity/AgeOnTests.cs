using Visitation.Rules.Identity;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Identity;

public sealed class AgeOnTests
{
    [Theory]
    [InlineData("2000-05-10", "2000-05-10", 0)]
    [InlineData("2000-05-10", "2026-05-09", 25)] // birthday tomorrow
    [InlineData("2000-05-10", "2026-05-10", 26)] // birthday today
    [InlineData("2012-06-01", "2026-05-31", 13)] // the under-14 visitor boundary
    [InlineData("2012-06-01", "2026-06-01", 14)]
    [InlineData("2011-12-31", "2026-01-01", 14)]
    [InlineData("2008-02-29", "2026-02-27", 17)]
    [InlineData("2008-02-29", "2026-02-28", 18)] // common year: 28 February stands in for 29
    [InlineData("2008-02-29", "2026-03-01", 18)]
    [InlineData("2008-02-29", "2028-02-28", 19)] // leap year: the real birthday is tomorrow
    [InlineData("2008-02-29", "2028-02-29", 20)]
    public void CountsFullYears(string birthDate, string onDate, int expected)
    {
        Assert.Equal(expected, ResidentIdNumber.AgeOn(D(birthDate), D(onDate)));
    }

    [Fact]
    public void RejectsADateBeforeBirth()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResidentIdNumber.AgeOn(D("2000-05-10"), D("2000-05-09")));
    }
}
