using System.Globalization;
using Visitation.Contracts.Events;
using Visitation.Notification.Data;
using Visitation.Rules.Sms;
using Visitation.Rules.ReferenceData;

namespace Visitation.Notification.Features.Compose;

public sealed class VisitScheduledSmsConsumer(NotificationDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : SmsComposer<VisitScheduled>(db, reference, clock)
{
    protected override Guid ApplicationIdOf(VisitScheduled message) => message.ApplicationId;

    protected override SmsDraft Draft(VisitScheduled message, Recipient recipient) =>
        new(recipient.ApplicationId, SmsKind.Scheduled, $"{recipient.ApplicationId}:scheduled:{message.VisitId}",
            WhenAndWhere(recipient, message.Date, message.StartTime, message.Minutes, message.VenueName, message.VenueAddress),
            VisitStart.Of(message.Date, message.StartTime));

    /// <summary>The visit's time and place as the scheduled SMS and the reminder both tell it.</summary>
    public static Dictionary<string, string> WhenAndWhere(Recipient recipient, DateOnly date, TimeOnly start, int minutes, string venueName, string venueAddress) => new()
    {
        ["date"] = MonthText.Of(date),
        ["time"] = start.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["minutes"] = minutes.ToString(CultureInfo.InvariantCulture),
        ["venueName"] = venueName,
        ["venueAddress"] = venueAddress,
    };
}
