using KebabCaseEndpointNameFormatter = MassTransit.KebabCaseEndpointNameFormatter;
using Visitation.Contracts.Timers;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Messaging;
using Visitation.Rules.Calendars;

namespace Visitation.Scheduling.Features.Timers;

/// <summary>
/// The visit's timers, written to scheduled_messages in the same transaction as the state that
/// needs them: the outbox dispatcher sends each to its consumer's queue when it falls due, so they
/// survive restarts and fire on whichever instance is dispatching. Each timer names the state it
/// was set for; one that no longer matches the visit (confirmed, moved, cancelled) does nothing.
/// </summary>
public static class VisitTimers
{
    private static readonly KebabCaseEndpointNameFormatter Queues = new(SchedulingModule.Name, false);

    public static void HoldLapse(SchedulingDbContext db, Visit visit, DateTimeOffset now) =>
        db.ScheduledMessages.Add(ScheduledMessage.Create(new HoldLapseDue(visit.Id, visit.HoldExpiresAt),
            Queues.Consumer<HoldLapseConsumer>(), visit.HoldExpiresAt, now));

    /// <summary>
    /// Set at check-in, not at confirmation: a visit nobody checked in for ends as a no-show at its
    /// start, so only a checked-in one can still be open when the day is over.
    /// </summary>
    public static void DayEnd(SchedulingDbContext db, Visit visit, DateTimeOffset now) =>
        db.ScheduledMessages.Add(ScheduledMessage.Create(new DayEndDue(visit.Id, visit.Date),
            Queues.Consumer<DayEndConsumer>(), Rules.Visits.DayEnd.At(visit.Date, ChinaTime.Offset), now));

    /// <summary>A scheduled visit's no-show deadline at its start, and its reminder the day before.</summary>
    public static void DayOf(SchedulingDbContext db, Visit visit, DateTimeOffset now)
    {
        db.ScheduledMessages.Add(ScheduledMessage.Create(new NoShowDue(visit.Id, visit.Date, visit.Start),
            Queues.Consumer<NoShowConsumer>(), DayOfVisit.NoShowAt(visit.Date, visit.Start, ChinaTime.Offset), now));
        if (Reminders.DueAt(visit.Date, now, ChinaTime.Offset) is { } reminder)
        {
            db.ScheduledMessages.Add(ScheduledMessage.Create(new ReminderDue(visit.Id, visit.Date, visit.Start),
                Queues.Consumer<ReminderConsumer>(), reminder, now));
        }
    }
}
