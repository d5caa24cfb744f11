using System.Globalization;
using Visitation.Application.Data;
using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

public sealed class VisitTerminatedTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitTerminated>(db, clock)
{
    protected override TimelineStep Describe(VisitTerminated m) =>
        new(m.ApplicationId, "scheduling", "visit-terminated", m.OccurredAt, m.TerminatedBy, m.ReasonCode,
            string.Create(CultureInfo.InvariantCulture, $"会见被中止（通话{m.MinutesUsed}分钟）：{m.Reason}；暂停会见{m.PenaltyMonths}个月"), ApplicationStatus.VisitTerminated,
            Concerns: application => VisitFields.IsCurrentOrNewer(application, m.VisitId));
}
