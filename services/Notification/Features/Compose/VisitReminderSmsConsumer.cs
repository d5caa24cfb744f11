using Visitation.Contracts.Events;
using Visitation.Notification.Data;
using Visitation.Rules.Sms;
using Visitation.Rules.ReferenceData;

namespace Visitation.Notification.Features.Compose;

/// <summary>The reminder the day before; one per visit however often the event arrives.</summary>
public sealed class VisitReminderSmsConsumer(NotificationDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : SmsComposer<VisitReminderDue>(db, reference, clock)
{
    protected override Guid ApplicationIdOf(VisitReminderDue message) => message.ApplicationId;

    protected override SmsDraft Draft(VisitReminderDue message, Recipient recipient) =>
        new(recipient.ApplicationId, SmsKind.Reminder, $"{recipient.ApplicationId}:reminder:{message.VisitId}",
            VisitScheduledSmsConsumer.WhenAndWhere(recipient, message.Date, message.StartTime, message.Minutes, message.VenueName, message.VenueAddress),
            VisitStart.Of(message.Date, message.StartTime));
}
