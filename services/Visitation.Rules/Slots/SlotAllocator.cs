namespace Visitation.Rules.Slots;

/// <summary>
/// Finds times for a video visit given both ends' terminals and their bookings. Pure: the caller
/// loads the bookings and stores the choice (as a <see cref="Booking"/> ending at
/// <see cref="SlotChoice.BlockedUntil"/> for each terminal).
/// </summary>
/// <remarks>
/// Minutes and step must be positive (changeover may be zero), windows must not end before they
/// start; those throw, being configuration errors. No days, windows or terminals simply means no slot.
/// </remarks>
public static class SlotAllocator
{
    /// <summary>The earliest feasible slot on the earliest day that has one, or null.</summary>
    public static SlotChoice? Earliest(SlotRequest request) => new SlotPlanner(request).All().FirstOrDefault();

    /// <summary>
    /// The earliest slot that meets the family's <paramref name="preference"/>; when none does, the
    /// earliest that meets the most important part of it (the day counts for more than the part of
    /// the day: the family has arranged to travel on it), and failing that the earliest overall.
    /// With no preference this is <see cref="Earliest"/>. <paramref name="except"/> is a slot the
    /// family must not be offered again.
    /// </summary>
    public static PreferredSlot? Preferred(SlotRequest request, SlotPreference preference, (DateOnly Date, TimeOnly Start)? except = null)
    {
        ArgumentNullException.ThrowIfNull(preference);
        SlotChoice? best = null;
        var bestMisses = int.MaxValue;
        foreach (var choice in new SlotPlanner(request).All())
        {
            if ((choice.Date, choice.Start) == except)
                continue;
            var misses = (preference.MatchesDay(choice.Date) ? 0 : 2) + (preference.MatchesPart(choice.Start) ? 0 : 1);
            // Slots come earliest first, so the first one of each rank is the earliest of that rank.
            if (misses < bestMisses)
            {
                (best, bestMisses) = (choice, misses);
                if (misses == 0)
                    break;
            }
        }
        return best is null ? null : new PreferredSlot(best, preference.IsMetBy(best.Date, best.Start));
    }

    /// <summary>Up to <paramref name="max"/> feasible slots, distinct by date and start, earliest first.</summary>
    public static IReadOnlyList<SlotChoice> Free(SlotRequest request, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return [.. new SlotPlanner(request).All().Take(max)];
    }

    /// <summary>As <see cref="Free"/>, each slot with both ends' free terminals at its time (a slot picker shows both).</summary>
    public static IReadOnlyList<SlotCapacity> FreeWithCapacity(SlotRequest request, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var planner = new SlotPlanner(request);
        return [.. planner.All().Take(max).Select(planner.CapacityAt)];
    }

    /// <summary>
    /// The slot at exactly <paramref name="date"/> and <paramref name="start"/>, or null when that is
    /// not a candidate day, not a start the windows and step offer, or no terminal pair is free.
    /// </summary>
    public static SlotChoice? At(SlotRequest request, DateOnly date, TimeOnly start) =>
        new SlotPlanner(request).At(date, start);
}
