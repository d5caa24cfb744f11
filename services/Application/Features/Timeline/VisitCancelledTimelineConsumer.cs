using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

/// <summary>
/// A cancelled visit: final when nothing is re-offered; otherwise the application waits for its new
/// proposal again. A report about a visit already replaced (the new one confirmed first) changes nothing.
/// </summary>
public sealed class VisitCancelledTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitCancelled>(db, clock)
{
    protected override TimelineStep Describe(VisitCancelled m) =>
        new(m.ApplicationId, "scheduling", "visit-cancelled", m.OccurredAt, m.CancelledBy, m.ReasonCode,
            m.Reoffered ? $"原定 {m.Date:yyyy-MM-dd} {m.StartTime:HH\\:mm} 的会见已取消：{m.Reason}；将另行安排时间" : $"原定 {m.Date:yyyy-MM-dd} {m.StartTime:HH\\:mm} 的会见已取消：{m.Reason}",
            m.Reoffered ? ApplicationStatus.PrisonApproved : ApplicationStatus.VisitCancelled,
            // The cancelled visit stays the one followed (only its time is forgotten), so a late
            // report about it cannot be taken for news.
            application => VisitFields.Follow(application, m.VisitId),
            application => VisitFields.IsCurrentOrNewer(application, m.VisitId),
            MayRewind: m.Reoffered);
}
