using System.Globalization;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.ServiceDefaults.Time;

namespace Visitation.Scheduling.Features.Agenda;

public static class VisitViews
{
    public static VisitView ToView(Visit visit) => new()
    {
        VisitId = visit.Id.ToString(),
        ApplicationId = visit.ApplicationId.ToString(),
        PrisonId = visit.PrisonId,
        PrisonArea = visit.PrisonArea,
        VenueId = visit.VenueId,
        Date = visit.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        StartTime = visit.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
        Minutes = visit.Minutes,
        Status = visit.Status.ToString(),
        PrisonTerminal = visit.PrisonTerminal,
        VenueTerminal = visit.VenueTerminal,
        HoldExpiresAt = visit.Status == VisitStatus.Proposed ? ChinaTime.Format(visit.HoldExpiresAt) : string.Empty,
    };
}
