using System.Globalization;
using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class VisitScheduledTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitScheduled>(db, clock)
{
    protected override TimelineStep Describe(VisitScheduled m) =>
        new(m.ApplicationId, "scheduling", "visit-scheduled", m.OccurredAt, m.ConfirmedBy, null,
            string.Create(CultureInfo.InvariantCulture, $"监狱会见中心确认会见时间 {m.Date:yyyy-MM-dd} {m.StartTime:HH\\:mm}（{m.Minutes}分钟），地点：{m.VenueName}"),
            ApplicationStatus.Scheduled,
            application =>
            {
                application.VisitId = m.VisitId;
                application.VisitDate = m.Date;
                application.VisitStart = m.StartTime;
                application.VisitMinutes = m.Minutes;
            },
            application => VisitFields.IsCurrentOrNewer(application, m.VisitId),
            // The re-offer's confirmation may be handled before its proposal: it too follows the new visit out of a cancellation.
            ReopensCancelled: application => VisitFields.IsNewer(application, m.VisitId));
}
