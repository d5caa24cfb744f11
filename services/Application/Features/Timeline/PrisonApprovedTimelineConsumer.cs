using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class PrisonApprovedTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<PrisonApproved>(db, clock)
{
    protected override TimelineStep Describe(PrisonApproved m) =>
        new(m.Application.ApplicationId, "prison-approval", "prison-approved", m.OccurredAt, m.DecidedBy, null,
            $"监狱会见中心核实亲属关系及会见资格，审批通过（{m.PrisonArea}监区，每次{m.VisitMinutes}分钟）", ApplicationStatus.PrisonApproved);
}
