using Visitation.Rules.Slots;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Slots;

/// <summary>A default request (one day, 09:00–11:00, 30 + 10 minutes, 10-minute steps) to vary per test.</summary>
internal static class SlotRequests
{
    public static readonly DateOnly Day = D("2026-03-11");

    public static SlotRequest Default(
        string[]? prison = null,
        string[]? venue = null,
        Booking[]? bookings = null,
        int visitMinutes = 30,
        int changeoverMinutes = 10,
        int stepMinutes = 10,
        string window = "09:00-11:00") =>
        new(
            [Day],
            [Window(window)],
            prison ?? ["P1"],
            venue ?? ["V1"],
            bookings ?? [],
            visitMinutes,
            changeoverMinutes,
            stepMinutes);

    public static OpeningWindow Window(string range)
    {
        var parts = range.Split('-');
        return new OpeningWindow(T(parts[0]), T(parts[1]));
    }

    public static Booking Busy(string terminal, string from, string to) => new(terminal, Day, T(from), T(to));

    /// <summary>Books the choice on both of its terminals, as the service would after confirming it.</summary>
    public static SlotRequest Book(SlotRequest request, SlotChoice choice) => request with
    {
        Bookings =
        [
            .. request.Bookings,
            new(choice.PrisonTerminal, choice.Date, choice.Start, choice.BlockedUntil),
            new(choice.VenueTerminal, choice.Date, choice.Start, choice.BlockedUntil),
        ],
    };

    public static string Hhmm(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
