using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class BureauRejectedTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<BureauRejected>(db, clock)
{
    protected override TimelineStep Describe(BureauRejected m) =>
        new(m.ApplicationId, "bureau-review", "bureau-rejected", m.OccurredAt, m.DecidedBy, m.ReasonCode,
            $"县司法局复审未通过：{m.Reason}", ApplicationStatus.BureauRejected);
}
