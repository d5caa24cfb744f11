using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Slots;
using Visitation.Scheduling.Data;
using Visitation.Messaging.Database;
using Visitation.Messaging;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Withdrawals;
using Visitation.Workflow.Audit;
using Visitation.Scheduling.Features.MoveInmate;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>
/// Proposes the earliest feasible slot for an approved application — on the inmate's area's
/// video days of the month applied for, at least the policy's advance days after submission,
/// holidays and closures skipped, never on days prison approval asked to avoid, within both ends'
/// capacity, on the family's preferred days and part of day when they have room — and holds it for
/// the visit centre to confirm.
/// </summary>
public sealed class PrisonApprovedConsumer(SchedulingDbContext db, Proposals proposals, CurrentInmateArea currentArea, TimeProvider clock)
    : InboxConsumer<PrisonApproved, SchedulingDbContext>(db, clock)
{
    protected override async Task HandleAsync(PrisonApproved message, CancellationToken cancellationToken)
    {
        var application = message.Application;
        // The withdrawal check first: it takes the application's lock before we look for a visit.
        if (await Db.IsWithdrawnAsync(application.ApplicationId, cancellationToken)
            || await Db.Visits.AnyAsync(v => v.ApplicationId == application.ApplicationId, cancellationToken))
        {
            return; // already proposed, or withdrawn before the approval got here
        }

        var now = ChinaTime.Now(Clock);
        KeepAvoidDays(message);
        await Db.SaveChangesAsync(cancellationToken);
        // The inmate may have moved to another area since prison approval judged it: the move wins.
        var area = await currentArea.OfAsync(application.PrisonId, message.InmateNumber, message.PrisonArea, cancellationToken);
        var basis = BasisOf(message, area, now);
        var month = Proposals.MonthOf(application.VisitMonth);
        if (await proposals.FindAsync(basis, [month], avoid: null, cancellationToken) is { } choice)
        {
            proposals.Place(basis, choice, now);
            return;
        }

        var next = VisitMonth.Of(month.AddMonths(1)).Key;
        var reason = NoSlotReasons.FirstProposal(VisitMonth.Parse(application.VisitMonth), message.AdvanceDays, message.AvoidDays is { Count: > 0 });
        Db.AuditSystem(AuditEvent.VisitProposed, AuditRecords.AuditedApplication(application.ApplicationId, application.VenueId), NoSlotReasons.Code, "unavailable");
        Db.Publish(new VisitUnavailable(application.ApplicationId, application.PrisonId, application.VisitMonth, next, NoSlotReasons.Code, reason, now), now);
    }

    /// <summary>
    /// Days prison approval excluded are kept like a cancellation request made before the
    /// proposal: the first proposal and every re-offer stay off them.
    /// </summary>
    private void KeepAvoidDays(PrisonApproved message)
    {
        foreach (var range in message.AvoidDays ?? [])
        {
            Db.CancellationRequests.Add(new CancellationRequest
            {
                Id = Guid.CreateVersion7(),
                ApplicationId = message.Application.ApplicationId,
                From = range.From,
                To = range.To,
                ReasonCode = range.ReasonCode,
                Reason = range.Reason,
                RequestedAt = message.OccurredAt,
            });
        }
    }

    /// <summary>The first proposal's basis: no earlier than the policy's advance days after submission, and never today.</summary>
    private static VisitBasis BasisOf(PrisonApproved message, string area, DateTimeOffset now)
    {
        var application = message.Application;
        var earliest = BookableDays.Earliest(application.SubmittedOn, message.AdvanceDays, DateOnly.FromDateTime(now.DateTime));
        return new VisitBasis(application.ApplicationId, application.PrisonId, area, application.VenueId, application.CountyId,
            application.InmateName, message.InmateNumber, application.VisitMonth, message.VisitMinutes, earliest,
            VisitBasis.PreferenceOf(application.PreferredDates, application.PreferredPartOfDay),
            [.. (application.Visitors ?? []).Select(v => new BookedVisitor
            {
                Name = v.Name, IdNumberMasked = v.IdNumberMasked, VisitorKey = v.VisitorKey, Relation = v.Relation, Age = v.Age,
            })]);
    }

}
