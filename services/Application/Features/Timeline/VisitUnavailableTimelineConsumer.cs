using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class VisitUnavailableTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitUnavailable>(db, clock)
{
    protected override TimelineStep Describe(VisitUnavailable m) =>
        new(m.ApplicationId, "scheduling", "visit-unavailable", m.OccurredAt, "scheduling", m.ReasonCode,
            $"{m.Reason}；可申请{m.NextMonth}", ApplicationStatus.NoSlotAvailable);
}
