using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Scheduling.Data;
using Visitation.ServiceDefaults.Data;
using Visitation.ServiceDefaults.Messaging;
using Visitation.ServiceDefaults.ReferenceData;
using Visitation.ServiceDefaults.Time;

namespace Visitation.Scheduling.Features.Propose;

/// <summary>
/// Proposes the earliest feasible slot for an approved application — on the inmate's area's
/// video days of the month applied for, at least the policy's advance days after submission,
/// holidays skipped, within both ends' capacity — and holds it for the visit centre to confirm.
/// </summary>
public sealed class PrisonApprovedConsumer(SchedulingDbContext db, SlotFinder slots, ReferenceDataSet reference, TimeProvider clock)
    : InboxConsumer<PrisonApproved, SchedulingDbContext>(db, clock)
{
    public const string NoSlotInMonth = "NO_SLOT_IN_MONTH";

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
        var month = DateOnly.ParseExact(application.VisitMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var earliest = Later(application.SubmittedOn.AddDays(message.AdvanceDays), DateOnly.FromDateTime(now.DateTime).AddDays(1));
        var search = new SlotSearch(application.PrisonId, message.PrisonArea, application.VenueId, message.VisitMinutes, earliest, month);
        await slots.LockAsync(search.PrisonId, search.VenueId, cancellationToken);
        var choice = await slots.EarliestAsync(search, cancellationToken);
        if (choice is null)
        {
            var next = month.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var reason = $"{application.VisitMonth}该监区视频会见日已无可预约时段（须提前{message.AdvanceDays}天申请，节假日暂停）";
            Db.Publish(new VisitUnavailable(application.ApplicationId, application.PrisonId, application.VisitMonth, next, NoSlotInMonth, reason, now), now);
            return;
        }

        var prison = reference.Prison(application.PrisonId)!;
        var visit = new Visit
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = application.ApplicationId,
            PrisonId = application.PrisonId,
            PrisonArea = message.PrisonArea,
            VenueId = application.VenueId,
            CountyId = application.CountyId,
            InmateName = application.InmateName,
            InmateNumber = message.InmateNumber,
            VisitMonth = application.VisitMonth,
            EarliestDate = earliest,
            Minutes = message.VisitMinutes,
            Status = VisitStatus.Proposed,
            CreatedAt = now,
            HoldExpiresAt = now.AddHours(prison.HoldHours),
        };
        VisitSlot.Assign(visit, choice);
        Db.Visits.Add(visit);
        Db.Publish(new VisitProposed(visit.ApplicationId, visit.Id, visit.PrisonId, visit.VenueId, visit.Date, visit.Start, visit.Minutes, visit.HoldExpiresAt, now), now);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
