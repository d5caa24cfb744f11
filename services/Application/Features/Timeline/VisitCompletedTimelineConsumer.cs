using System.Globalization;
using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class VisitCompletedTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitCompleted>(db, clock)
{
    protected override TimelineStep Describe(VisitCompleted m) =>
        new(m.ApplicationId, "scheduling", "visit-completed", m.OccurredAt, m.CompletedBy, null,
            string.Create(CultureInfo.InvariantCulture, $"会见已完成，实际通话{m.MinutesUsed}分钟"), ApplicationStatus.Visited,
            Concerns: application => VisitFields.IsCurrentOrNewer(application, m.VisitId));
}
