using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Propose;
using Visitation.Rules.Slots;
using Visitation.Rules.Visits;
using Visitation.ServiceDefaults.Grpc;

using VisitStatus = Visitation.Rules.Visits.VisitStatus;

namespace Visitation.Scheduling.Features.Cancel;

/// <summary>
/// Cancels one visit and, when the prison or venue cancelled it, offers the family a new slot
/// through the ordinary proposal path [N§19]. The cancellation is announced before the new proposal,
/// and says whether one was found, so the family's SMS can promise a new time only when there is one.
/// Runs inside the caller's transaction (saving in steps: the old visit must be closed before its
/// application may hold a new one).
/// </summary>
public sealed class VisitCancellation(SchedulingDbContext db, Proposals proposals)
{
    public const string DayCancelled = ScheduleChangeCodes.DayCancelled;
    public const string VisitCancelledCode = ScheduleChangeCodes.VisitCancelled;

    public Task<CancelledVisit> CancelAsync(Visit visit, VisitOutcome outcome, bool reoffer, bool avoidItsSlot, Guid? closureId, DateTimeOffset now, CancellationToken ct) =>
        CancelAsync(visit, outcome, reoffer ? (old, token) => proposals.FindReofferAsync(old, avoidItsSlot, token) : null, closureId, now, ct);

    /// <param name="findReoffer">
    /// Where the family's new slot is looked for (the ordinary re-offer, or e.g. the nearest day of the inmate's new
    /// area); null: no offer. It runs once the visit is saved as cancelled, so its own slot and application are free.
    /// </param>
    public async Task<CancelledVisit> CancelAsync(Visit visit, VisitOutcome outcome, ReofferSearch? findReoffer, Guid? closureId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(outcome);
        var wasScheduled = visit.Status != VisitStatus.Proposed;
        visit.Cancel(outcome, closureId, now);
        await db.SaveChangesAsync(ct);

        var (basis, choice) = findReoffer is not null ? await findReoffer(visit, ct) : (VisitBasis.Of(visit), null);
        db.Publish(new VisitCancelled(visit.ApplicationId, visit.Id, visit.PrisonId, visit.InmateNumber, visit.VenueId, visit.Date, visit.Start,
            outcome.ReasonCode, outcome.Reason, choice is not null, outcome.By, now, wasScheduled, outcome.StatusId), now);
        await db.SaveChangesAsync(ct); // the cancellation's event goes out before the new proposal's
        var replacement = findReoffer is not null ? proposals.PlaceReoffer(visit, basis, choice, now) : null;
        await db.SaveChangesAsync(ct);
        return Reply(visit, replacement);
    }

    public static CancelledVisit Reply(Visit visit, Visit? replacement) => new()
    {
        VisitId = visit.Id.ToString(),
        ApplicationId = visit.ApplicationId.ToString(),
        Reoffered = replacement is not null || visit.ReplacedBy is not null,
        NewVisitId = (replacement?.Id ?? visit.ReplacedBy)?.ToString() ?? string.Empty,
        NewDate = WireDates.Day(replacement?.Date),
        NewStartTime = WireDates.Time(replacement?.Start),
        Date = WireDates.Day(visit.Date),
        StartTime = WireDates.Time(visit.Start),
    };
}

/// <summary>Finds the slot a cancelled visit's family is offered instead: the basis of the new proposal, and the slot or none.</summary>
public delegate Task<(VisitBasis Basis, SlotChoice? Choice)> ReofferSearch(Visit cancelled, CancellationToken ct);
