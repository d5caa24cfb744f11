using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Scheduling.Data;
using Visitation.Rules.Visits;
using Visitation.Messaging;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.Cancel;

/// <summary>
/// Prison approval asks that an application not be visited in a range of days (a suspension, a
/// transfer, a barred visitor). Its open visit in the range is cancelled; the request is kept either
/// way, so a proposal made later (an approval still on its way, a re-offer) never lands in the range.
/// A range with an end (a confinement of ten days, a penalty, a bar until a date) re-offers a day
/// after it where the month still has one (issue 14): the family loses the day, not the month. An
/// open range (a transfer, a release, a suspension without an end) cancels without a re-offer — until the suspension is
/// ended early (<see cref="Reoffer.VisitReofferRequestedConsumer"/>).
/// </summary>
public sealed class VisitCancellationRequestedConsumer(SchedulingDbContext db, VisitCancellation cancellation, TimeProvider clock)
    : InboxConsumer<VisitCancellationRequested, SchedulingDbContext>(db, clock)
{
    protected override async Task HandleAsync(VisitCancellationRequested message, CancellationToken cancellationToken)
    {
        var now = ChinaTime.Now(Clock);
        // The same lock a proposal for the application takes first: a PrisonApproved handled at the
        // same moment either sees this request or has already placed the visit that is cancelled here.
        await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"application:" + message.ApplicationId}))", cancellationToken);
        // And the prison's allocation lock (after the application's, as a proposal takes them): a
        // re-offer placing this application's next visit either sees this request or has committed
        // the visit that the lines below then find and cancel.
        await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"prison:" + message.PrisonId}))", cancellationToken);
        var request = new CancellationRequest
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = message.ApplicationId,
            From = message.From,
            To = message.To,
            ReasonCode = message.ReasonCode,
            Reason = message.Reason,
            RequestedAt = message.OccurredAt,
            StatusId = message.StatusId,
        };
        Db.CancellationRequests.Add(request);
        // The status is named on the cancellation only when it had no end: only then does its early end owe an offer.
        var visit = await Db.Visits.SingleOrDefaultAsync(
            v => v.ApplicationId == message.ApplicationId && v.PrisonId == message.PrisonId && VisitStatuses.Open.Contains(v.Status), cancellationToken);
        if (visit is not null && request.Covers(visit.Date))
        {
            Db.AuditSystem(AuditEvent.VisitCancelled, visit.Audited(), message.ReasonCode);
            await cancellation.CancelAsync(visit, new VisitOutcome(message.ReasonCode, message.Reason, message.RequestedBy, message.To is null ? message.StatusId : null),
                reoffer: message.To is not null, avoidItsSlot: false, closureId: null, now, cancellationToken);
        }
    }
}
