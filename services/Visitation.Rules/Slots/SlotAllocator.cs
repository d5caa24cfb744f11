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

    /// <summary>Up to <paramref name="max"/> feasible slots, distinct by date and start, earliest first.</summary>
    public static IReadOnlyList<SlotChoice> Free(SlotRequest request, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return [.. new SlotPlanner(request).All().Take(max)];
    }

    /// <summary>
    /// The slot at exactly <paramref name="date"/> and <paramref name="start"/>, or null when that is
    /// not a candidate day, not a start the windows and step offer, or no terminal pair is free.
    /// </summary>
    public static SlotChoice? At(SlotRequest request, DateOnly date, TimeOnly start) =>
        new SlotPlanner(request).At(date, start);
}
