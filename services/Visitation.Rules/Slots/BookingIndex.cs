namespace Visitation.Rules.Slots;

/// <summary>
/// Bookings grouped by (terminal, date), so a feasibility check reads only the handful of
/// bookings of one terminal on one day instead of all of them.
/// </summary>
internal sealed class BookingIndex
{
    // A booking ending at or before its start ran past midnight: it holds the rest of its day.
    private static readonly TimeSpan EndOfDay = TimeSpan.FromDays(1);

    private readonly Dictionary<(string Terminal, DateOnly Date), List<(TimeSpan Start, TimeSpan End)>> _busy = [];

    public BookingIndex(IEnumerable<Booking> bookings, IReadOnlySet<string> relevantTerminals)
    {
        foreach (var booking in bookings)
        {
            if (!relevantTerminals.Contains(booking.TerminalId))
                continue;
            var start = booking.Start.ToTimeSpan();
            var end = booking.End > booking.Start ? booking.End.ToTimeSpan() : EndOfDay;
            var key = (booking.TerminalId, booking.Date);
            if (!_busy.TryGetValue(key, out var intervals))
                _busy[key] = intervals = [];
            intervals.Add((start, end));
        }
    }

    /// <summary>True when nothing on the terminal that day intersects the half-open [start, end).</summary>
    public bool IsFree(string terminal, DateOnly date, TimeSpan start, TimeSpan end)
    {
        if (!_busy.TryGetValue((terminal, date), out var intervals))
            return true;
        foreach (var (busyStart, busyEnd) in intervals)
        {
            if (start < busyEnd && busyStart < end)
                return false;
        }
        return true;
    }
}
