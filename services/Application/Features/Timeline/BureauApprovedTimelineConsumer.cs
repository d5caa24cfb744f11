using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class BureauApprovedTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<BureauApproved>(db, clock)
{
    protected override TimelineStep Describe(BureauApproved m) =>
        new(m.Application.ApplicationId, "bureau-review", "bureau-approved", m.OccurredAt, m.DecidedBy, null,
            string.IsNullOrEmpty(m.Note) ? "县司法局复审通过，转监狱会见中心" : $"县司法局复审通过：{m.Note}", ApplicationStatus.BureauApproved);
}
