using Visitation.Rules.Visits;
using Microsoft.EntityFrameworkCore;
using Visitation.Rules.Calendars;
using Visitation.Rules.Slots;
using Visitation.Scheduling.Data;
using Visitation.Rules.ReferenceData;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>
/// Finds free slots against the database's bookings of both ends: the prison's terminals and the
/// county venue's. Callers take <see cref="LockAsync"/> first, inside their transaction, so two
/// allocations for the same prison or venue never see the same free terminal.
/// </summary>
public sealed class SlotFinder(SchedulingDbContext db, ReferenceDataSet reference, PrisonCalendars calendars, TimeProvider clock)
{
    private const int StepMinutes = 10;

    // Visits that no longer hold their terminals; every other one does (a lapsed proposal too, until its timer expires it, is free).
    private static readonly VisitStatus[] Released = [VisitStatus.Cancelled, VisitStatus.Expired, VisitStatus.NoShow];

    /// <summary>Serialises allocation per prison and per venue until the transaction ends (locks taken in a fixed order: no deadlock).</summary>
    public Task LockAsync(string prisonId, string venueId, CancellationToken ct) =>
        LockAsync([prisonId], [venueId], ct);

    /// <summary>
    /// Several prisons and venues at once, in the same fixed order (every prison before every venue),
    /// e.g. a venue's day cancelled with re-offers at each of its visits' prisons.
    /// </summary>
    public async Task LockAsync(IEnumerable<string> prisonIds, IEnumerable<string> venueIds, CancellationToken ct)
    {
        var keys = prisonIds.Distinct().Select(p => $"prison:{p}").Order(StringComparer.Ordinal)
            .Concat(venueIds.Distinct().Select(v => $"venue:{v}").Order(StringComparer.Ordinal));
        foreach (var key in keys)
        {
            // Re-entrant within a transaction: taking a lock again that is already held is harmless.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", ct);
        }
    }

    /// <summary>The earliest slot meeting the family's preference, else the best fallback; never <paramref name="except"/>.</summary>
    public async Task<PreferredSlot?> PreferredAsync(SlotSearch search, SlotPreference preference, (DateOnly Date, TimeOnly Start)? except, CancellationToken ct) =>
        await BuildAsync(search, ct) is { } request ? SlotAllocator.Preferred(request, preference, except) : null;

    public async Task<IReadOnlyList<SlotCapacity>> FreeWithCapacityAsync(SlotSearch search, int max, CancellationToken ct) =>
        await BuildAsync(search, ct) is { } request ? SlotAllocator.FreeWithCapacity(request, max) : [];

    /// <summary>
    /// The search for moving or re-checking an existing visit within <paramref name="month"/>: never a
    /// day already begun, never a day prison approval asked this application to avoid.
    /// </summary>
    public async Task<SlotSearch> SearchForAsync(Visit visit, DateOnly month, CancellationToken ct)
    {
        var avoid = await db.CancellationRequests.AsNoTracking().Where(r => r.ApplicationId == visit.ApplicationId).ToListAsync(ct);
        var tomorrow = ChinaTime.Today(clock).AddDays(1);
        return VisitSlot.SearchFor(visit) with
        {
            Month = month,
            EarliestDate = visit.EarliestDate > tomorrow ? visit.EarliestDate : tomorrow,
            Avoid = avoid,
        };
    }

    public async Task<SlotChoice?> AtAsync(SlotSearch search, DateOnly date, TimeOnly start, CancellationToken ct) =>
        await BuildAsync(search, ct) is { } request ? SlotAllocator.At(request, date, start) : null;

    private async Task<SlotRequest?> BuildAsync(SlotSearch search, CancellationToken ct)
    {
        var prison = reference.Prison(search.PrisonId);
        var venue = reference.Venue(search.VenueId);
        var area = calendars.Area(search.PrisonId, search.Area);
        if (prison is null || venue is null || area is null)
        {
            return null;
        }

        var days = calendars.VideoDays(area, search.Month.Year, search.Month.Month)
            .Where(d => d.Open && d.Date >= search.EarliestDate)
            .Select(d => d.Date)
            .Where(d => search.Avoid is null || !search.Avoid.Any(a => a.Covers(d)))
            .ToList();
        var now = clock.GetUtcNow();
        var holding = db.Visits.AsNoTracking()
            .Where(v => days.Contains(v.Date))
            .Where(v => (v.Status != VisitStatus.Proposed && !Released.Contains(v.Status)) || (v.Status == VisitStatus.Proposed && v.HoldExpiresAt > now))
            .Where(v => search.ExcludingVisit == null || v.Id != search.ExcludingVisit);
        days = await InmateDaysWithRoomAsync(holding, prison.Id, search.InmateNumber, days, ct);
        var booked = await holding
            .Where(v => v.PrisonId == prison.Id || v.VenueId == venue.Id)
            .Select(v => new { v.PrisonTerminal, v.VenueTerminal, v.Date, v.Start, v.BlockedUntil })
            .ToListAsync(ct);
        var closures = await db.Closures.AsNoTracking()
            .Where(c => days.Contains(c.Date) && (c.PrisonId == prison.Id || c.VenueId == venue.Id) && c.ReopenedAt == null)
            .ToListAsync(ct);
        var bookings = booked
            .SelectMany(v => new[] { new Booking(v.PrisonTerminal, v.Date, v.Start, v.BlockedUntil), new Booking(v.VenueTerminal, v.Date, v.Start, v.BlockedUntil) })
            .Concat(closures.SelectMany(c => ClosureBookings(c, c.PrisonId is null ? venue.Terminals : prison.Terminals)))
            .ToList();
        return new SlotRequest(days, OpeningHours.Intersect(prison.OpeningHours, venue.OpeningHours), prison.Terminals, venue.Terminals,
            bookings, search.Minutes, prison.ChangeoverMinutes, StepMinutes);
    }

    // The inmate's own visits that hold their place: the allocation lock is per prison, so no other
    // proposal for this inmate can be placed between this read and the caller's save.
    private async Task<List<DateOnly>> InmateDaysWithRoomAsync(IQueryable<Visit> holding, string prisonId, string? inmateNumber, List<DateOnly> days, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(inmateNumber))
        {
            return days;
        }

        var inmateDays = await holding.Where(v => v.PrisonId == prisonId && v.InmateNumber == inmateNumber).Select(v => v.Date).ToListAsync(ct);
        return [.. InmateDayLimit.DaysWithRoom(days, inmateDays, reference.PolicyFor(prisonId).VideoVisitsPerInmatePerDay)];
    }

    // A closure takes its terminals (one, or all of its side) for its time range, or for the whole
    // day: a booking from midnight whose end is not after its start holds the rest of the day.
    private static IEnumerable<Booking> ClosureBookings(Closure closure, IReadOnlyList<string> sideTerminals) =>
        (closure.TerminalId is { } terminal ? [terminal] : sideTerminals)
            .Select(t => new Booking(t, closure.Date, closure.From ?? TimeOnly.MinValue, closure.To ?? TimeOnly.MinValue));
}
