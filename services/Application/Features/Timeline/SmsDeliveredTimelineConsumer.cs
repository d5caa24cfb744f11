using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class SmsDeliveredTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<SmsDelivered>(db, clock)
{
    protected override TimelineStep Describe(SmsDelivered m) =>
        new(m.ApplicationId, "notification", "sms-delivered", m.OccurredAt, "notification", m.Kind,
            $"短信已送达 {m.PhoneMasked}", null);
}
