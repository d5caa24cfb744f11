using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Slots;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Timers;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>
/// The one proposal path: find the earliest feasible slot for an application (honouring the days
/// prison approval asked to avoid, and the family's preferred days and part of day where there is room), place the visit there, hold it for the visit centre and set the
/// hold's timer. Used for the first proposal and for every re-offer after a cancellation or a lapsed hold.
/// Callers run inside a transaction; the slot's day is claimed here (<see cref="SlotFinder.ClaimDayAsync"/>).
/// </summary>
public sealed class Proposals(SchedulingDbContext db, SlotFinder slots, ReferenceDataSet reference, TimeProvider clock)
{
    /// <summary>
    /// The family's preferred free slot, else the earliest, in the first of <paramref name="months"/>
    /// that has one, other than <paramref name="avoid"/>; its day is claimed until the transaction ends.
    /// </summary>
    public async Task<SlotChoice?> FindAsync(VisitBasis basis, IReadOnlyList<DateOnly> months, (DateOnly Date, TimeOnly Start)? avoid, CancellationToken ct)
    {
        var avoidDays = await db.CancellationRequests.AsNoTracking().Where(r => r.ApplicationId == basis.ApplicationId).ToListAsync(ct);
        foreach (var month in months)
        {
            var search = new SlotSearch(basis.PrisonId, basis.PrisonArea, basis.VenueId, basis.Minutes, basis.EarliestDate, month, Avoid: avoidDays, InmateNumber: basis.InmateNumber);
            if (await slots.ClaimPreferredAsync(search, basis.Preference, avoid, ct) is { } choice)
            {
                return choice;
            }
        }

        return null;
    }

    /// <summary>Places and announces the proposal; the caller saves.</summary>
    public Visit Place(VisitBasis basis, SlotChoice choice, DateTimeOffset now)
    {
        var visit = new Visit
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = basis.ApplicationId,
            PrisonId = basis.PrisonId,
            PrisonArea = basis.PrisonArea,
            VenueId = basis.VenueId,
            CountyId = basis.CountyId,
            InmateName = basis.InmateName,
            InmateNumber = basis.InmateNumber,
            VisitMonth = basis.VisitMonth,
            // Copies: an owned row belongs to one visit, and a re-offer's basis holds the old visit's.
            Visitors = [.. basis.Visitors.Select(v => v.Copy())],
            EarliestDate = basis.EarliestDate,
            PreferredDates = [.. basis.Preference.Days.Order()],
            PreferredPartOfDay = SlotPreference.Code(basis.Preference.PartOfDay),
            Minutes = basis.Minutes,
            CreatedAt = now,
            HoldExpiresAt = now.AddHours(reference.Prison(basis.PrisonId)!.HoldHours),
        };
        visit.Hold(choice);
        db.Visits.Add(visit);
        db.AuditSystem(AuditEvent.VisitProposed, visit.Audited(), outcome: "proposed");
        db.Publish(new VisitProposed(visit.ApplicationId, visit.Id, visit.PrisonId, visit.VenueId, visit.Date, visit.Start, visit.Minutes, visit.HoldExpiresAt, now), now);
        VisitTimers.HoldLapse(db, visit, now);
        return visit;
    }

    /// <summary>
    /// A new proposal in place of a visit that will not take place (it was cancelled, or its hold
    /// lapsed): from tomorrow on, in its month or the next, or VisitUnavailable when neither has room.
    /// The old visit must already be saved as no longer open, so its slot and its application are free.
    /// </summary>
    public async Task<Visit?> ReofferAsync(Visit old, bool avoidItsSlot, DateTimeOffset now, CancellationToken ct)
    {
        var (basis, choice) = await FindReofferAsync(old, avoidItsSlot, ct);
        return PlaceReoffer(old, basis, choice, now);
    }

    /// <summary>The slot a re-offer would take, without placing it yet (the caller may announce something first).</summary>
    public async Task<(VisitBasis Basis, SlotChoice? Choice)> FindReofferAsync(Visit old, bool avoidItsSlot, CancellationToken ct)
    {
        var basis = ReofferBasis(old);
        var month = MonthOf(old.VisitMonth);
        return (basis, await FindAsync(basis, [month, month.AddMonths(1)], avoidItsSlot ? (old.Date, old.Start) : null, ct));
    }

    /// <summary>What a re-offer of <paramref name="old"/> is placed from: the same application, from tomorrow on at the earliest.</summary>
    public VisitBasis ReofferBasis(Visit old)
    {
        ArgumentNullException.ThrowIfNull(old);
        var tomorrow = ChinaTime.Today(clock).AddDays(1);
        return VisitBasis.Of(old) with { EarliestDate = old.EarliestDate > tomorrow ? old.EarliestDate : tomorrow };
    }

    /// <summary>
    /// Places the re-offer found, or announces that there is none, naming the month to apply for: the first after the
    /// <paramref name="monthsSearched"/> months searched from the visit's (its month and the next, for the ordinary re-offer).
    /// </summary>
    public Visit? PlaceReoffer(Visit old, VisitBasis basis, SlotChoice? choice, DateTimeOffset now, int monthsSearched = 2)
    {
        ArgumentNullException.ThrowIfNull(old);
        if (choice is null)
        {
            var next = VisitMonth.Of(MonthOf(old.VisitMonth).AddMonths(monthsSearched)).Key;
            db.AuditSystem(AuditEvent.VisitProposed, AuditRecords.AuditedApplication(old.ApplicationId, old.VenueId), NoSlotReasons.Code, "unavailable");
            db.Publish(new VisitUnavailable(old.ApplicationId, old.PrisonId, old.VisitMonth, next, NoSlotReasons.Code,
                NoSlotReasons.Reoffer(VisitMonth.Parse(old.VisitMonth)), now), now);
            return null;
        }

        var visit = Place(basis, choice, now);
        old.ReplacedBy = visit.Id;
        return visit;
    }

    public static DateOnly MonthOf(string visitMonth) => VisitMonth.Parse(visitMonth).FirstDay;
}
