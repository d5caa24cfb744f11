namespace Visitation.Rules.Slots;

/// <summary>
/// One validated <see cref="SlotRequest"/> with its derived state: the day's candidate start times
/// (the same every day) and the booking index. Shared by the <see cref="SlotAllocator"/> entry points.
/// </summary>
internal sealed class SlotPlanner
{
    // TimeOnly cannot say 24:00, so a visit whose changeover would reach midnight is not offered.
    private static readonly TimeSpan Midnight = TimeSpan.FromDays(1);

    private readonly SlotRequest _request;
    private readonly TimeSpan _visit;
    private readonly TimeSpan _blocked;
    private readonly DateOnly[] _days;
    private readonly TimeSpan[] _starts;
    private readonly BookingIndex _bookings;

    public SlotPlanner(SlotRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.VisitMinutes, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.ChangeoverMinutes, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.StepMinutes, nameof(request));

        _request = request;
        _visit = TimeSpan.FromMinutes(request.VisitMinutes);
        _blocked = _visit + TimeSpan.FromMinutes(request.ChangeoverMinutes);
        _days = [.. request.CandidateDays.Distinct().Order()];
        _starts = CandidateStarts(request.Windows, _visit, _blocked, TimeSpan.FromMinutes(request.StepMinutes));
        var terminals = new HashSet<string>(request.PrisonTerminals, StringComparer.Ordinal);
        terminals.UnionWith(request.VenueTerminals);
        _bookings = new BookingIndex(request.Bookings, terminals);
    }

    /// <summary>Every feasible placement, by date then start time; one per start time.</summary>
    public IEnumerable<SlotChoice> All()
    {
        foreach (var day in _days)
        {
            foreach (var start in _starts)
            {
                if (TryPlace(day, start) is { } choice)
                    yield return choice;
            }
        }
    }

    /// <summary>The placement at exactly this date and start, which must be one the request offers.</summary>
    public SlotChoice? At(DateOnly date, TimeOnly start)
    {
        var offset = start.ToTimeSpan();
        return Array.BinarySearch(_days, date) >= 0 && Array.BinarySearch(_starts, offset) >= 0
            ? TryPlace(date, offset)
            : null;
    }

    /// <summary>How many terminals of each end are free for the whole visit with changeover from <paramref name="start"/>.</summary>
    public SlotCapacity CapacityAt(SlotChoice slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var start = slot.Start.ToTimeSpan();
        var end = start + _blocked;
        return new SlotCapacity(
            slot,
            _request.PrisonTerminals.Count(t => _bookings.IsFree(t, slot.Date, start, end)),
            _request.PrisonTerminals.Count,
            _request.VenueTerminals.Count(t => _bookings.IsFree(t, slot.Date, start, end)),
            _request.VenueTerminals.Count);
    }

    // A visit needs one terminal at each end for its whole length, changeover included;
    // the first free one in list order is taken so the same inputs always give the same answer.
    private SlotChoice? TryPlace(DateOnly day, TimeSpan start)
    {
        var blockedUntil = start + _blocked;
        var prison = FirstFree(_request.PrisonTerminals, day, start, blockedUntil, except: null);
        if (prison is null)
            return null;
        // Ids are meant to be unique across sides; should one appear on both, it cannot serve both ends.
        var venue = FirstFree(_request.VenueTerminals, day, start, blockedUntil, except: prison);
        if (venue is null)
            return null;
        return new SlotChoice(
            day,
            TimeOnly.FromTimeSpan(start),
            TimeOnly.FromTimeSpan(start + _visit),
            TimeOnly.FromTimeSpan(blockedUntil),
            prison,
            venue);
    }

    private string? FirstFree(IReadOnlyList<string> terminals, DateOnly day, TimeSpan start, TimeSpan end, string? except)
    {
        foreach (var terminal in terminals)
        {
            if (terminal != except && _bookings.IsFree(terminal, day, start, end))
                return terminal;
        }
        return null;
    }

    // Starts step from each window's start; the call must end within the window, while the
    // changeover may run past it (the terminal is simply not offered again until it is over).
    private static TimeSpan[] CandidateStarts(IReadOnlyList<OpeningWindow> windows, TimeSpan visit, TimeSpan blocked, TimeSpan step)
    {
        var starts = new SortedSet<TimeSpan>();
        foreach (var window in windows)
        {
            if (window.End <= window.Start)
                throw new ArgumentException($"Opening window {window.Start}–{window.End} ends before it starts.", nameof(windows));
            var end = window.End.ToTimeSpan();
            for (var start = window.Start.ToTimeSpan(); start + visit <= end && start + blocked < Midnight; start += step)
                starts.Add(start);
        }
        return [.. starts];
    }
}
