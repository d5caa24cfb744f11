using Microsoft.EntityFrameworkCore;
using Visitation.Rules.Slots;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Calendar;
using Visitation.ServiceDefaults.ReferenceData;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>
/// Finds free slots against the database's bookings of both ends: the prison's terminals and the
/// county venue's. Callers take <see cref="LockAsync"/> first, inside their transaction, so two
/// allocations for the same prison or venue never see the same free terminal.
/// </summary>
public sealed class SlotFinder(SchedulingDbContext db, ReferenceDataSet reference, PrisonCalendars calendars, TimeProvider clock)
{
    private const int StepMinutes = 10;

    /// <summary>Serialises allocation per prison and per venue until the transaction ends (locks taken in a fixed order: no deadlock).</summary>
    public async Task LockAsync(string prisonId, string venueId, CancellationToken ct)
    {
        foreach (var key in new[] { $"prison:{prisonId}", $"venue:{venueId}" }.Order(StringComparer.Ordinal))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", ct);
        }
    }

    public async Task<SlotChoice?> EarliestAsync(SlotSearch search, CancellationToken ct) =>
        await BuildAsync(search, ct) is { } request ? SlotAllocator.Earliest(request) : null;

    public async Task<IReadOnlyList<SlotChoice>> FreeAsync(SlotSearch search, int max, CancellationToken ct) =>
        await BuildAsync(search, ct) is { } request ? SlotAllocator.Free(request, max) : [];

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
            .ToList();
        var now = clock.GetUtcNow();
        var booked = await db.Visits.AsNoTracking()
            .Where(v => days.Contains(v.Date) && (v.PrisonId == prison.Id || v.VenueId == venue.Id))
            .Where(v => v.Status == VisitStatus.Scheduled || (v.Status == VisitStatus.Proposed && v.HoldExpiresAt > now))
            .Where(v => search.ExcludingVisit == null || v.Id != search.ExcludingVisit)
            .Select(v => new { v.PrisonTerminal, v.VenueTerminal, v.Date, v.Start, v.BlockedUntil })
            .ToListAsync(ct);
        var bookings = booked
            .SelectMany(v => new[] { new Booking(v.PrisonTerminal, v.Date, v.Start, v.BlockedUntil), new Booking(v.VenueTerminal, v.Date, v.Start, v.BlockedUntil) })
            .ToList();
        return new SlotRequest(days, OpeningHours.Intersect(prison.OpeningHours, venue.OpeningHours), prison.Terminals, venue.Terminals,
            bookings, search.Minutes, prison.ChangeoverMinutes, StepMinutes);
    }
}
