using Visitation.Rules.Slots;
using Visitation.Scheduling.Data;

namespace Visitation.Scheduling.Features.Propose;

public static class VisitSlot
{
    public static SlotSearch SearchFor(Visit visit) =>
        new(visit.PrisonId, visit.PrisonArea, visit.VenueId, visit.Minutes, visit.EarliestDate,
            new DateOnly(visit.Date.Year, visit.Date.Month, 1), visit.Id, InmateNumber: visit.InmateNumber);
}
