using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;

namespace Visitation.Scheduling.Features.DayOf;

/// <summary>Between the stored visit and the pure call-time rules.</summary>
public static class VisitCall
{
    public static CallTime Of(Visit visit) => new(visit.Minutes, visit.TalkTime, visit.ConnectedSince);

    public static void Store(Visit visit, CallTime call)
    {
        visit.TalkTime = call.Used;
        visit.ConnectedSince = call.ConnectedSince;
    }

    /// <summary>Ends a started call (completed or terminated): the connection closes and the minutes talked are recorded.</summary>
    public static void End(Visit visit, VisitStatus outcome, string by, DateTimeOffset now)
    {
        var call = Of(visit).Disconnect(now);
        Store(visit, call);
        visit.Status = outcome;
        visit.MinutesUsed = call.MinutesUsedAt(now);
        visit.EndedAt = now;
        visit.EndedBy = by;
    }
}
