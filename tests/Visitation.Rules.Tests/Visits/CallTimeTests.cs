using Visitation.Rules.Visits;
using Xunit;

namespace Visitation.Rules.Tests.Visits;

/// <summary>Reconnection after an interruption gets only the remaining minutes [N§15].</summary>
public sealed class CallTimeTests
{
    private static readonly DateTimeOffset Nine = new(2027, 1, 3, 9, 0, 0, TimeSpan.FromHours(8));

    private static DateTimeOffset At(int minutes, int seconds = 0) => Nine.AddMinutes(minutes).AddSeconds(seconds);

    [Fact]
    public void ReconnectionGetsOnlyTheRemainingMinutes()
    {
        var call = CallTime.NotStarted(30).Connect(At(0)).Disconnect(At(12));

        var resumed = call.Connect(At(15)); // the three minutes of outage are not talking time

        Assert.Equal(TimeSpan.FromMinutes(18), resumed.RemainingAt(At(15)));
        Assert.Equal(At(33), resumed.EndsAt);
    }

    [Theory]
    [InlineData(30, "12,10", 8)]          // 12 min, a break, 10 more
    [InlineData(30, "5,5,5,5", 10)]       // four short connections
    [InlineData(40, "39", 1)]             // juvenile visit, Ningxia [N§5]
    [InlineData(30, "10,10,10", 0)]       // exactly spent
    [InlineData(30, "20,20", 0)]          // the second connection is cut at the allowance
    public void RemainingIsTheAllowanceLessEveryConnection(int allowed, string connections, int expectedRemaining)
    {
        var call = CallTime.NotStarted(allowed);
        var clock = 0;
        foreach (var minutes in connections.Split(',').Select(int.Parse))
        {
            call = call.Connect(At(clock)).Disconnect(At(clock + minutes));
            clock += minutes + 2; // each outage lasts two minutes
        }

        Assert.Equal(TimeSpan.FromMinutes(expectedRemaining), call.RemainingAt(At(clock)));
    }

    [Fact]
    public void TalkingPastTheEndCountsOnlyTheAllowance()
    {
        var call = CallTime.NotStarted(30).Connect(At(0)).Disconnect(At(20)).Connect(At(25));

        Assert.Equal(TimeSpan.FromMinutes(30), call.UsedAt(At(50))); // ended at 09:35 whatever was pressed later
        Assert.Equal(30, call.MinutesUsedAt(At(50)));
        Assert.Equal(TimeSpan.Zero, call.Disconnect(At(50)).RemainingAt(At(51)));
    }

    [Fact]
    public void NoReconnectionOnceTheMinutesAreSpent()
    {
        var spent = CallTime.NotStarted(30).Connect(At(0)).Disconnect(At(31));

        Assert.Throws<InvalidOperationException>(() => spent.Connect(At(33)));
    }

    [Fact]
    public void ConnectingTwiceIsRefused()
    {
        var call = CallTime.NotStarted(30).Connect(At(0));

        Assert.Throws<InvalidOperationException>(() => call.Connect(At(1)));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 1, 1)]      // a begun minute counts
    [InlineData(21, 59, 22)]
    [InlineData(22, 0, 22)]
    public void MinutesUsedRoundUpToTheBegunMinute(int minutes, int seconds, int expected)
    {
        var call = CallTime.NotStarted(30).Connect(At(0));

        Assert.Equal(expected, call.MinutesUsedAt(At(minutes, seconds)));
    }

    [Fact]
    public void AClockSlightlyBehindNeverCountsNegativeTime()
    {
        var call = CallTime.NotStarted(30).Connect(At(10));

        Assert.Equal(TimeSpan.Zero, call.UsedAt(At(9, 58)));
        Assert.Equal(TimeSpan.FromMinutes(30), call.RemainingAt(At(9, 58)));
    }

    [Fact]
    public void DisconnectingWhenNotConnectedChangesNothing()
    {
        var call = CallTime.NotStarted(30).Connect(At(0)).Disconnect(At(5));

        Assert.Equal(call, call.Disconnect(At(9)));
        Assert.Null(call.EndsAt);
    }
}
