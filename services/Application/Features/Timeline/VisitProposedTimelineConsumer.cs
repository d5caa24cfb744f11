using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class VisitProposedTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitProposed>(db, clock)
{
    protected override TimelineStep Describe(VisitProposed m) =>
        new(m.ApplicationId, "scheduling", "visit-proposed", m.OccurredAt, "scheduling", null,
            $"系统安排建议时间 {m.Date:yyyy-MM-dd} {m.StartTime:HH\\:mm}，待监狱会见中心确认", ApplicationStatus.VisitProposed,
            application => VisitFields.Follow(application, m.VisitId),
            // Scheduling proposes a new visit only once the old one is over (cancelled, lapsed); a
            // proposal older than the visit followed now is a late report about a replaced one. A newer one after a
            // visit cancelled without an offer is the re-offer of a suspension ended early.
            application => application.VisitId != m.VisitId && VisitFields.IsCurrentOrNewer(application, m.VisitId),
            MayRewind: true,
            ReopensCancelled: application => VisitFields.IsNewer(application, m.VisitId));
}
