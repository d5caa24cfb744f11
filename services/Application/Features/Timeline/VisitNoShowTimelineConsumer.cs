using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class VisitNoShowTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitNoShow>(db, clock)
{
    protected override TimelineStep Describe(VisitNoShow m) =>
        new(m.ApplicationId, "scheduling", "visit-no-show", m.OccurredAt, "scheduling", "NO_SHOW",
            $"家属未在 {m.Date:yyyy-MM-dd} 会见开始前到会见室签到，视为放弃本次会见", ApplicationStatus.NoShow,
            Concerns: application => VisitFields.IsCurrentOrNewer(application, m.VisitId));
}
