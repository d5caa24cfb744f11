using Visitation.Rules.Slots;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Slots;

/// <summary>One video visit per inmate per day (policy value, a policy choice): the month's visits spread over the area's days.</summary>
public sealed class InmateDayLimitTests
{
    private static readonly DateOnly[] Area3March = [D("2026-03-03"), D("2026-03-13"), D("2026-03-23")];

    [Theory]
    // inmate's visits that hold their place | per day | days left
    [InlineData("", 1, "2026-03-03,2026-03-13,2026-03-23")]
    [InlineData("2026-03-03", 1, "2026-03-13,2026-03-23")]              // the lenient inmate's second visit: another day
    [InlineData("2026-03-03,2026-03-13", 1, "2026-03-23")]
    [InlineData("2026-03-03,2026-03-13,2026-03-23", 1, "")]             // no day left: no slot, never a second visit on a day
    [InlineData("2026-03-04", 1, "2026-03-03,2026-03-13,2026-03-23")]   // a visit on a day not offered takes none of them
    [InlineData("2026-03-03", 2, "2026-03-03,2026-03-13,2026-03-23")]   // a policy allowing two a day keeps the day
    [InlineData("2026-03-03,2026-03-03", 2, "2026-03-13,2026-03-23")]
    public void ADayOnWhichTheInmateHasThePoliciesNumberOfVisitsIsNotOffered(string inmateVisits, int perDay, string expected)
    {
        var left = InmateDayLimit.DaysWithRoom(Area3March, Dates(inmateVisits), perDay);

        Assert.Equal(Dates(expected), left);
    }

    [Fact]
    public void TheCandidateDaysKeepTheirOrder()
    {
        DateOnly[] days = [D("2026-03-23"), D("2026-03-03"), D("2026-03-13")];

        Assert.Equal([D("2026-03-23"), D("2026-03-13")], InmateDayLimit.DaysWithRoom(days, [D("2026-03-03")], 1));
    }

    [Fact]
    public void APolicyAllowingNoVisitOnAnyDayIsBadData() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InmateDayLimit.DaysWithRoom(Area3March, [], 0));

    [Theory]
    [InlineData("shanxi")]
    [InlineData("ningxia")]
    public void TheShippedPoliciesAllowOneVideoVisitPerInmatePerDayAndSaySoAsAPolicyChoice(string province)
    {
        var policy = Eligibility.ShippedPolicies.Of(province);

        Assert.Equal(1, policy.VideoVisitsPerInmatePerDay);
        Assert.Contains("policy choice", policy.Notes["videoVisitsPerInmatePerDay"], StringComparison.Ordinal);
    }

    private static DateOnly[] Dates(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(D)];
}
