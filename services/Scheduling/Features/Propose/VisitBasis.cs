using Visitation.Scheduling.Data;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>What every proposal for an application needs, whether it is the first or a re-offer.</summary>
public sealed record VisitBasis(
    Guid ApplicationId,
    string PrisonId,
    string PrisonArea,
    string VenueId,
    string CountyId,
    string InmateName,
    string InmateNumber,
    string VisitMonth,
    int Minutes,
    DateOnly EarliestDate)
{
    public static VisitBasis Of(Visit visit) =>
        new(visit.ApplicationId, visit.PrisonId, visit.PrisonArea, visit.VenueId, visit.CountyId, visit.InmateName,
            visit.InmateNumber, visit.VisitMonth, visit.Minutes, visit.EarliestDate);
}
