using System.Globalization;
using Visitation.Rules.Sms;
using Xunit;

namespace Visitation.Rules.Tests.Sms;

/// <summary>Quiet hours 21:00–08:00 China time: what waits for the morning, and what cannot wait.</summary>
public sealed class QuietHoursTests
{
    [Theory]
    // now (China)          kind                 visit starts (China)  → may go (China)
    [InlineData("2026-03-10 20:59", SmsKind.Reminder, "2026-03-11 09:00", "2026-03-10 20:59")]
    [InlineData("2026-03-10 21:00", SmsKind.Reminder, "2026-03-11 09:00", "2026-03-11 08:00")]
    [InlineData("2026-03-10 23:30", SmsKind.Received, null, "2026-03-11 08:00")]
    [InlineData("2026-03-11 00:10", SmsKind.BureauRejected, null, "2026-03-11 08:00")]
    [InlineData("2026-03-11 07:59", SmsKind.Reminder, "2026-03-11 14:00", "2026-03-11 08:00")]
    [InlineData("2026-03-11 08:00", SmsKind.Received, null, "2026-03-11 08:00")]
    // A visit of today or tomorrow called off, moved or confirmed: the family hears at once.
    [InlineData("2026-03-10 22:00", SmsKind.Cancelled, "2026-03-11 09:00", "2026-03-10 22:00")]
    [InlineData("2026-03-10 22:00", SmsKind.CancelledReoffered, "2026-03-10 09:00", "2026-03-10 22:00")]
    [InlineData("2026-03-11 02:00", SmsKind.Scheduled, "2026-03-12 10:00", "2026-03-11 02:00")]
    [InlineData("2026-03-10 22:00", SmsKind.NotArranged, "2026-03-11 15:00", "2026-03-10 22:00")]
    // Further off, the morning is soon enough.
    [InlineData("2026-03-10 22:00", SmsKind.Cancelled, "2026-03-12 09:00", "2026-03-11 08:00")]
    [InlineData("2026-03-10 22:00", SmsKind.Scheduled, "2026-03-20 09:00", "2026-03-11 08:00")]
    public void NonUrgentMessagesWaitForTheMorningAndChangesToAVisitDueByTomorrowDoNot(string now, SmsKind kind, string? visit, string expected)
    {
        var mayGo = QuietHours.Default.EarliestSend(kind, visit is null ? null : China(visit), China(now));

        Assert.Equal(China(expected), mayGo);
    }

    [Fact]
    public void QuietHoursThatDoNotCrossMidnightHoldOnlyTheirOwnSpan()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0));

        Assert.Equal(China("2026-03-10 14:00"), lunch.EarliestSend(SmsKind.Received, null, China("2026-03-10 12:30")));
        Assert.Equal(China("2026-03-10 22:00"), lunch.EarliestSend(SmsKind.Received, null, China("2026-03-10 22:00")));
    }

    [Fact]
    public void TheSameInstantGivenInUtcIsJudgedOnChinaTime()
    {
        // 13:30 UTC is 21:30 in Beijing.
        var utc = new DateTimeOffset(2026, 3, 10, 13, 30, 0, TimeSpan.Zero);

        Assert.Equal(China("2026-03-11 08:00"), QuietHours.Default.EarliestSend(SmsKind.Reminder, null, utc));
    }

    private static DateTimeOffset China(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), QuietHours.ChinaOffset);
}
