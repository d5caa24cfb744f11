using Visitation.Application.Data;

namespace Visitation.Application.Features.Timeline;

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

    /// <summary>Whether a report is about a visit later than the one followed now (none followed: not later than anything).</summary>
    public static bool IsNewer(VisitApplication application, Guid visitId) =>
        application.VisitId is { } current && current != visitId && string.CompareOrdinal(visitId.ToString("N"), current.ToString("N")) > 0;

    /// <summary>Now following <paramref name="visitId"/> (or none); its time is shown only once confirmed.</summary>
    public static void Follow(VisitApplication application, Guid? visitId)
    {
        application.VisitId = visitId;
        application.VisitDate = null;
        application.VisitStart = null;
        application.VisitMinutes = null;
    }
}
