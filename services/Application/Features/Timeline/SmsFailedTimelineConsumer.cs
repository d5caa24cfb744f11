using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class SmsFailedTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<SmsFailed>(db, clock)
{
    protected override TimelineStep Describe(SmsFailed m) =>
        new(m.ApplicationId, "notification", "sms-failed", m.OccurredAt, "notification", m.Kind,
            $"短信发送至 {m.PhoneMasked} 失败：{SmsFailureWords.Of(m.Reason)}", null);
}
