using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Tests.Infrastructure;
using Visitation.Messaging.Tests.Outbox;

namespace Visitation.Messaging.Tests.Timers;

public sealed class ScheduledMessageTests : DatabaseTest
{
    [Fact]
    public async Task ATimerIsSentOnlyOnceItIsDueAndOnlyOnce()
    {
        var timer = await ScheduleAsync(new PlanFiled(1), "plans", Now.AddMinutes(10));
        var clock = new ManualClock(Now);
        var transport = new RecordingTransport(Database);
        var dispatcher = Dispatchers.Create(clock);

        await dispatcher.RoundAsync(Database, transport);
        clock.Now = Now.AddMinutes(10).AddSeconds(-1);
        await dispatcher.RoundAsync(Database, transport);
        Assert.Empty(transport.Sent);

        clock.Now = Now.AddMinutes(10);
        await dispatcher.RoundAsync(Database, transport);
        clock.Now = Now.AddMinutes(20);
        await dispatcher.RoundAsync(Database, transport);

        var sent = Assert.Single(transport.Sent);
        Assert.Equal((timer.MessageId, "plans"), (sent.MessageId, sent.Destination));
        Assert.Equal(Now.AddMinutes(10), await SentAtAsync(timer.MessageId));
    }

    [Fact]
    public async Task TimersThatFellDueTogetherGoOutEarliestFirst()
    {
        var later = await ScheduleAsync(new PlanFiled(1), "plans", Now.AddMinutes(5));
        var earlier = await ScheduleAsync(new PlanFiled(2), "plans", Now.AddMinutes(2));
        var transport = new RecordingTransport(Database);

        await Dispatchers.Create(new ManualClock(Now.AddMinutes(10))).RoundAsync(Database, transport);

        Assert.Equal([earlier.MessageId, later.MessageId], transport.Sent.Select(m => m.MessageId));
    }

    private async Task<ScheduledMessage> ScheduleAsync(object message, string queue, DateTimeOffset dueAt)
    {
        await using var db = Database.NewContext();
        var timer = ScheduledMessage.Create(message, queue, dueAt, Now);
        db.ScheduledMessages.Add(timer);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return timer;
    }

    private async Task<DateTimeOffset?> SentAtAsync(Guid messageId)
    {
        await using var db = Database.NewContext();
        return await db.ScheduledMessages.Where(m => m.MessageId == messageId).Select(m => m.SentAt).SingleAsync(TestContext.Current.CancellationToken);
    }
}
