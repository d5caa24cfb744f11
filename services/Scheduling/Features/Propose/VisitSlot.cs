using Visitation.Rules.Slots;
using Visitation.Scheduling.Data;

namespace Visitation.Scheduling.Features.Propose;

public static class VisitSlot
{
    public static void Assign(Visit visit, SlotChoice choice)
    {
        visit.Date = choice.Date;
        visit.Start = choice.Start;
        visit.BlockedUntil = choice.BlockedUntil;
        visit.PrisonTerminal = choice.PrisonTerminal;
        visit.VenueTerminal = choice.VenueTerminal;
    }

    public static SlotSearch SearchFor(Visit visit) =>
        new(visit.PrisonId, visit.PrisonArea, visit.VenueId, visit.Minutes, visit.EarliestDate,
            new DateOnly(visit.Date.Year, visit.Date.Month, 1), visit.Id);
}
