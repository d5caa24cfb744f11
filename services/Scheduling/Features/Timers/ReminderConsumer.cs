using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Contracts.Timers;
using Visitation.Scheduling.Data;
using Visitation.Rules.Visits;
using Visitation.Messaging;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Calendars;

namespace Visitation.Scheduling.Features.Timers;

/// <summary>The day before a visit that is still on, the family is reminded (RULES.md §6.4); notification sends the SMS.</summary>
public sealed class ReminderConsumer(SchedulingDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : InboxConsumer<ReminderDue, SchedulingDbContext>(db, clock)
{
    protected override async Task HandleAsync(ReminderDue message, CancellationToken cancellationToken)
    {
        var visit = await Db.Visits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == message.VisitId, cancellationToken);
        if (visit is not { Status: VisitStatus.Scheduled } || visit.Date != message.Date || visit.Start != message.StartTime)
        {
            return;
        }

        var now = ChinaTime.Now(Clock);
        // A reminder held up until the day itself (the service or broker away overnight) would say
        // "tomorrow" about today: better none than a wrong one.
        if (ChinaTime.Today(Clock) >= visit.Date)
        {
            return;
        }

        var venue = reference.Venue(visit.VenueId)!;
        Db.Publish(new VisitReminderDue(visit.ApplicationId, visit.Id, visit.PrisonId, visit.VenueId, venue.Name, venue.Address,
            visit.Date, visit.Start, visit.Minutes, now), now);
    }
}
