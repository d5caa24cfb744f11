using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class PrisonRejectedTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<PrisonRejected>(db, clock)
{
    protected override TimelineStep Describe(PrisonRejected m) =>
        new(m.ApplicationId, "prison-approval", "prison-rejected", m.OccurredAt, m.DecidedBy, m.ReasonCode,
            $"监狱会见中心审批未通过：{m.Reason}", ApplicationStatus.PrisonRejected);
}
