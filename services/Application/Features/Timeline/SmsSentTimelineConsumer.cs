using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class SmsSentTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<SmsSent>(db, clock)
{
    protected override TimelineStep Describe(SmsSent m) =>
        new(m.ApplicationId, "notification", "sms-sent", m.OccurredAt, "notification", m.Kind,
            $"短信已提交短信服务商，发往 {m.PhoneMasked}：{m.Text}", null);
}
