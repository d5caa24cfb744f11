using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Rules.Eligibility;
using Visitation.Scheduling.Data;
using Visitation.Messaging.Database;
using Visitation.Messaging;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Withdrawals;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>
/// Proposes the earliest feasible slot for an approved application — on the inmate's area's
/// video days of the month applied for, at least the policy's advance days after submission,
/// holidays and closures skipped, never on days prison approval asked to avoid, within both ends'
/// capacity, on the family's preferred days and part of day when they have room — and holds it for
/// the visit centre to confirm.
/// </summary>
public sealed class PrisonApprovedConsumer(SchedulingDbContext db, Proposals proposals, TimeProvider clock)
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
        // Days prison approval excluded are kept like a cancellation request made before the
        // proposal: the first proposal and every re-offer stay off them.
        foreach (var range in message.AvoidDays ?? [])
        {
            Db.CancellationRequests.Add(new CancellationRequest
            {
                Id = Guid.CreateVersion7(),
                ApplicationId = application.ApplicationId,
                From = range.From,
                To = range.To,
                ReasonCode = range.ReasonCode,
                Reason = range.Reason,
                RequestedAt = message.OccurredAt,
            });
        }

        await Db.SaveChangesAsync(cancellationToken);
        var month = Proposals.MonthOf(application.VisitMonth);
        var earliest = Later(application.SubmittedOn.AddDays(message.AdvanceDays), DateOnly.FromDateTime(now.DateTime).AddDays(1));
        var basis = new VisitBasis(application.ApplicationId, application.PrisonId, message.PrisonArea, application.VenueId, application.CountyId,
            application.InmateName, message.InmateNumber, application.VisitMonth, message.VisitMinutes, earliest,
            VisitBasis.PreferenceOf(application.PreferredDates, application.PreferredPartOfDay));
        var choice = await proposals.FindAsync(basis, [month], avoid: null, cancellationToken);
        if (choice is null)
        {
            var next = month.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            // Say why in the family's terms: the advance notice only where the province has one, and
            // the days the prison excluded when there were any.
            var why = new List<string>();
            if (message.AdvanceDays > 0)
            {
                why.Add($"须提前{message.AdvanceDays}天申请");
            }

            why.Add("节假日暂停");
            if (message.AvoidDays is { Count: > 0 })
            {
                why.Add("部分会见日服刑人员或会见人不能会见");
            }

            var reason = $"{VisitMonth.Parse(application.VisitMonth).ChineseName}该监区的视频会见日已无可预约时段（{string.Join("，", why)}）";
            Db.Publish(new VisitUnavailable(application.ApplicationId, application.PrisonId, application.VisitMonth, next, Proposals.NoSlotInMonth, reason, now), now);
            return;
        }

        proposals.Place(basis, choice, now);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
