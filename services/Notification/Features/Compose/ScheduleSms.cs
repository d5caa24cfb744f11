using System.Globalization;
using Visitation.Contracts.Events;
using Visitation.Notification.Data;
using Visitation.Rules.Sms;
using Visitation.ServiceDefaults.ReferenceData;

namespace Visitation.Notification.Features.Compose;

public sealed class VisitScheduledSmsConsumer(NotificationDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : SmsComposer<VisitScheduled>(db, reference, clock)
{
    protected override Guid ApplicationIdOf(VisitScheduled message) => message.ApplicationId;

    protected override SmsDraft Draft(VisitScheduled message, Recipient recipient) =>
        new(recipient.ApplicationId, SmsKind.Scheduled, $"{recipient.ApplicationId}:scheduled:{message.VisitId}", new Dictionary<string, string>
        {
            ["inmateName"] = recipient.InmateName,
            ["date"] = MonthText.Of(message.Date),
            ["time"] = message.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["minutes"] = message.Minutes.ToString(CultureInfo.InvariantCulture),
            ["venueName"] = message.VenueName,
            ["venueAddress"] = message.VenueAddress,
        });
}

public sealed class VisitUnavailableSmsConsumer(NotificationDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : SmsComposer<VisitUnavailable>(db, reference, clock)
{
    protected override Guid ApplicationIdOf(VisitUnavailable message) => message.ApplicationId;

    protected override SmsDraft Draft(VisitUnavailable message, Recipient recipient) =>
        new(recipient.ApplicationId, SmsKind.Unavailable, $"{recipient.ApplicationId}:unavailable", new Dictionary<string, string>
        {
            ["month"] = MonthText.Of(message.VisitMonth),
            ["inmateName"] = recipient.InmateName,
            ["reason"] = message.Reason,
            ["nextMonth"] = MonthText.Of(message.NextMonth),
        });
}
