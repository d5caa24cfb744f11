namespace Visitation.Rules.Slots;

/// <summary>
/// Where a booked visit goes when its day is no longer one of the inmate's area's days (the inmate moved to another
/// area): the free slot on the closest day, and on it the closest start. Between two days equally far the later one is
/// taken (policy choice: the family has planned for the booked day, and a later day never asks them to come sooner).
/// </summary>
public static class NearestSlot
{
    public static SlotChoice? To(IEnumerable<SlotChoice> free, DateOnly date, TimeOnly start) =>
        free.OrderBy(s => Math.Abs(s.Date.DayNumber - date.DayNumber))
            .ThenByDescending(s => s.Date)
            .ThenBy(s => Math.Abs(s.Start.Ticks - start.Ticks))
            .ThenBy(s => s.Start)
            .FirstOrDefault();
}
