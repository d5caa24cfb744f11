using Visitation.Rules.Visits;
using Microsoft.EntityFrameworkCore;
using Visitation.Rules.Calendars;
using Visitation.Rules.Slots;
using Visitation.Scheduling.Data;
using Visitation.Rules.ReferenceData;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>
/// Finds free slots against the database's bookings of both ends: the prison's terminals and the
/// county venue's. Two allocations never see the same free terminal: an allocation claims the day
/// it books (<see cref="ClaimDayAsync"/>: that day locked at both ends) and checks its slot again
/// under the claim; work that re-plans a whole prison or venue (a day cancelled, a recheck, a
/// move of areas) takes <see cref="LockAsync(string, string, CancellationToken)"/>, which excludes
/// every claim there.
/// </summary>
public sealed class SlotFinder(SchedulingDbContext db, ReferenceDataSet reference, PrisonCalendars calendars, TimeProvider clock)
{
    private const int StepMinutes = 10;

    // How many candidate days a search reads first; most searches end there (the earliest free slot,
    // or one on the family's days, which are read with them), and only the others read the rest.
    private const int FirstReadDays = 7;

    // Visits that no longer hold their terminals; every other one does (a lapsed proposal too, until its timer expires it, is free).
    private static readonly VisitStatus[] Released = [VisitStatus.Cancelled, VisitStatus.Expired, VisitStatus.NoShow];

    /// <summary>Serialises allocation per prison and per venue until the transaction ends (locks taken in a fixed order: no deadlock).</summary>
    public Task LockAsync(string prisonId, string venueId, CancellationToken ct) =>
        LockAsync([prisonId], [venueId], ct);

    /// <summary>
    /// Several prisons and venues at once, in the same fixed order (every prison before every venue),
    /// e.g. a venue's day cancelled with re-offers at each of its visits' prisons. Exclusive: no
    /// day there is claimed by anyone else until the transaction ends.
    /// </summary>
    public Task LockAsync(IEnumerable<string> prisonIds, IEnumerable<string> venueIds, CancellationToken ct) =>
        TakeAsync(SideKeys(prisonIds, venueIds), shared: false, ct);

    /// <summary>
    /// Claims <paramref name="date"/> at the prison and the venue until the transaction ends: the
    /// prison and venue shared (so a <see cref="LockAsync(string, string, CancellationToken)"/>
    /// there waits for the claim, and the claim for it), then that day of each exclusively. Only
    /// allocations on the same day of the same prison or venue wait for one another; an inmate's
    /// visits are all at their prison, so their daily limit is read under the claim too. A
    /// transaction that claims a second day may deadlock with one claiming the days the other way
    /// round; PostgreSQL then fails one of them, a transient fault its caller retries.
    /// </summary>
    public async Task ClaimDayAsync(string prisonId, string venueId, DateOnly date, CancellationToken ct)
    {
        var sides = SideKeys([prisonId], [venueId]).ToList();
        await TakeAsync(sides, shared: true, ct);
        foreach (var side in sides)
        {
            // The two-key form keeps a day's lock apart from the one-key whole-side locks above.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({side}), {date.DayNumber})", ct);
        }
    }

    /// <summary>
    /// The slot <see cref="PreferredAsync"/> finds, claimed: found without a lock, then its day
    /// claimed and the slot checked again on that day alone. When another allocation took it in
    /// between, the search runs again and sees that booking (its day is now held here), so every
    /// round trip is progress made by someone else and the loop ends with a held slot or none.
    /// </summary>
    public async Task<SlotChoice?> ClaimPreferredAsync(SlotSearch search, SlotPreference preference, (DateOnly Date, TimeOnly Start)? except, CancellationToken ct)
    {
        var taken = new HashSet<(DateOnly, TimeOnly)>();
        while (await PreferredAsync(search, preference, except, ct) is { Slot: var found })
        {
            await ClaimDayAsync(search.PrisonId, search.VenueId, found.Date, ct);
            if (await AtAsync(search, found.Date, found.Start, ct) is { } held)
            {
                return held;
            }

            // Under the claim the day cannot change, so finding the same slot again would loop for ever.
            if (!taken.Add((found.Date, found.Start)))
            {
                throw new InvalidOperationException($"The slot search offered {found.Date} {found.Start} again after its check found it taken.");
            }
        }

        return null;
    }

    /// <summary>
    /// The earliest slot meeting the family's preference, else the best fallback; never <paramref name="except"/>.
    /// The first candidate days and the family's own are read first; that answer stands when it meets
    /// the whole preference (or there is none), being then the earliest such slot of the month.
    /// </summary>
    public async Task<PreferredSlot?> PreferredAsync(SlotSearch search, SlotPreference preference, (DateOnly Date, TimeOnly Start)? except, CancellationToken ct)
    {
        var candidates = CandidateDays(search);
        if (candidates is null)
        {
            return null;
        }

        if (candidates.Count > FirstReadDays)
        {
            var first = candidates.Take(FirstReadDays).Union(candidates.Intersect(preference.Days)).ToHashSet();
            if (await BuildAsync(search with { OnlyDays = first }, ct) is { } early
                && SlotAllocator.Preferred(early, preference, except) is { } found
                && (preference.IsEmpty || found.MatchesPreference))
            {
                return found;
            }
        }

        return await BuildAsync(search, ct) is { } request ? SlotAllocator.Preferred(request, preference, except) : null;
    }

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

    /// <summary>The slot at exactly that time, reading that day's bookings only.</summary>
    public async Task<SlotChoice?> AtAsync(SlotSearch search, DateOnly date, TimeOnly start, CancellationToken ct) =>
        await BuildAsync(search with { OnlyDays = [date] }, ct) is { } request ? SlotAllocator.At(request, date, start) : null;

    private static IEnumerable<string> SideKeys(IEnumerable<string> prisonIds, IEnumerable<string> venueIds) =>
        prisonIds.Distinct().Select(p => $"prison:{p}").Order(StringComparer.Ordinal)
            .Concat(venueIds.Distinct().Select(v => $"venue:{v}").Order(StringComparer.Ordinal));

    private async Task TakeAsync(IEnumerable<string> keys, bool shared, CancellationToken ct)
    {
        foreach (var key in keys)
        {
            // Re-entrant within a transaction: taking a lock again that is already held is harmless,
            // and a transaction never waits for itself (shared after exclusive is granted at once).
            await (shared
                ? db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared(hashtext({key}))", ct)
                : db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", ct));
        }
    }

    // The month's open days from the earliest date on, off the days to avoid (and within OnlyDays): what the search may use.
    private List<DateOnly>? CandidateDays(SlotSearch search)
    {
        var area = calendars.Area(search.PrisonId, search.Area);
        return area is null
            ? null
            : [.. calendars.VideoDays(area, search.Month.Year, search.Month.Month)
                .Where(d => d.Open && d.Date >= search.EarliestDate)
                .Select(d => d.Date)
                .Where(d => search.OnlyDays is null || search.OnlyDays.Contains(d))
                .Where(d => search.Avoid is null || !search.Avoid.Any(a => a.Covers(d)))];
    }

    private async Task<SlotRequest?> BuildAsync(SlotSearch search, CancellationToken ct)
    {
        var prison = reference.Prison(search.PrisonId);
        var venue = reference.Venue(search.VenueId);
        if (prison is null || venue is null || CandidateDays(search) is not { } days)
        {
            return null;
        }

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

    // The inmate's own visits that hold their place: all at this prison, so a claim of the day (or
    // the prison's lock) keeps any other proposal for this inmate off it until the caller's save.
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
