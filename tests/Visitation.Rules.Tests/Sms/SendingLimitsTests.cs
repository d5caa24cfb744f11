using Visitation.Rules.Sms;
using Xunit;

namespace Visitation.Rules.Tests.Sms;

/// <summary>Per-number limits (rolling minute, hour, day): an SMS over one waits until the window lets it through.</summary>
public sealed class SendingLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly SendingLimits Limits = new(PerMinute: 1, PerHour: 5, PerDay: 10);

    [Theory]
    // seconds before now of the sends already made → seconds from now it may go
    [InlineData("", 0)]
    [InlineData("61", 0)]
    [InlineData("60", 0)] // exactly a minute ago has left the window
    [InlineData("20", 40)]
    [InlineData("1", 59)]
    [InlineData("3000,2400,1800,1200,600", 600)] // five in the hour: the oldest leaves it at 3600
    [InlineData("3000,2400,1800,1200,30", 600)]  // the hour decides even though the minute also waits (30 s)
    [InlineData("3000,2400,1800,1200,3700", 0)]  // one of the five is older than the hour
    public void AnSmsOverALimitWaitsUntilItsWindowHasRoom(string secondsAgo, int expectedWaitSeconds)
    {
        var sent = secondsAgo.Length == 0 ? [] : secondsAgo.Split(',').Select(s => Now.AddSeconds(-int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(Now.AddSeconds(expectedWaitSeconds), Limits.EarliestSend(sent, Now));
    }

    [Fact]
    public void TheTenthSmsOfTheDayHoldsTheEleventhUntilTheFirstIsADayOld()
    {
        // Ten sends spread over the last 20 hours, two hours apart: hour and minute have room, the day has none.
        var sent = Enumerable.Range(0, 10).Select(i => Now.AddHours(-20 + (2 * i)).AddMinutes(-1)).ToList();

        Assert.Equal(sent.Min().AddDays(1), Limits.EarliestSend(sent, Now));
    }

    [Fact]
    public void SendsOlderThanADayAreIgnored()
    {
        var sent = Enumerable.Range(1, 50).Select(i => Now.AddDays(-1).AddMinutes(-i));

        Assert.Equal(Now, Limits.EarliestSend(sent, Now));
    }
}
