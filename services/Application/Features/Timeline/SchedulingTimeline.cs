using System.Globalization;
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
            // proposal older than the visit followed now is a late report about a replaced one.
            application => application.VisitId != m.VisitId && VisitFields.IsCurrentOrNewer(application, m.VisitId),
            MayRewind: true);
}

public sealed class VisitUnavailableTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitUnavailable>(db, clock)
{
    protected override TimelineStep Describe(VisitUnavailable m) =>
        new(m.ApplicationId, "scheduling", "visit-unavailable", m.OccurredAt, "scheduling", m.ReasonCode,
            $"{m.Reason}；可申请{m.NextMonth}", ApplicationStatus.NoSlotAvailable);
}

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
            application => VisitFields.IsCurrentOrNewer(application, m.VisitId));
}

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

public sealed class VisitCompletedTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitCompleted>(db, clock)
{
    protected override TimelineStep Describe(VisitCompleted m) =>
        new(m.ApplicationId, "scheduling", "visit-completed", m.OccurredAt, m.CompletedBy, null,
            string.Create(CultureInfo.InvariantCulture, $"会见已完成，实际通话{m.MinutesUsed}分钟"), ApplicationStatus.Visited,
            Concerns: application => VisitFields.IsCurrentOrNewer(application, m.VisitId));
}

public sealed class VisitNoShowTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitNoShow>(db, clock)
{
    protected override TimelineStep Describe(VisitNoShow m) =>
        new(m.ApplicationId, "scheduling", "visit-no-show", m.OccurredAt, "scheduling", "NO_SHOW",
            $"家属未在 {m.Date:yyyy-MM-dd} 会见开始前到会见室签到，视为放弃本次会见", ApplicationStatus.NoShow,
            Concerns: application => VisitFields.IsCurrentOrNewer(application, m.VisitId));
}

public sealed class VisitTerminatedTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitTerminated>(db, clock)
{
    protected override TimelineStep Describe(VisitTerminated m) =>
        new(m.ApplicationId, "scheduling", "visit-terminated", m.OccurredAt, m.TerminatedBy, m.ReasonCode,
            string.Create(CultureInfo.InvariantCulture, $"会见被中止（通话{m.MinutesUsed}分钟）：{m.Reason}；暂停会见{m.PenaltyMonths}个月"), ApplicationStatus.VisitTerminated,
            Concerns: application => VisitFields.IsCurrentOrNewer(application, m.VisitId));
}

/// <summary>The application's current visit: the one last proposed, and its time once confirmed.</summary>
internal static class VisitFields
{
    /// <summary>
    /// Whether a report is about the visit followed now or a later one. Visit ids are version-7
    /// Guids: their first 48 bits are the creation time, so a replacement always sorts after the
    /// visit it replaces, whatever order the queues deliver the reports in.
    /// </summary>
    public static bool IsCurrentOrNewer(VisitApplication application, Guid visitId) =>
        application.VisitId is not { } current || current == visitId || string.CompareOrdinal(visitId.ToString("N"), current.ToString("N")) > 0;

    /// <summary>Now following <paramref name="visitId"/> (or none); its time is shown only once confirmed.</summary>
    public static void Follow(VisitApplication application, Guid? visitId)
    {
        application.VisitId = visitId;
        application.VisitDate = null;
        application.VisitStart = null;
        application.VisitMinutes = null;
    }
}
