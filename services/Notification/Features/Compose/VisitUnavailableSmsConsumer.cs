using Visitation.Contracts.Events;
using Visitation.Notification.Data;
using Visitation.Rules.Sms;
using Visitation.Rules.ReferenceData;

namespace Visitation.Notification.Features.Compose;

public sealed class VisitUnavailableSmsConsumer(NotificationDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : SmsComposer<VisitUnavailable>(db, reference, clock)
{
    protected override Guid ApplicationIdOf(VisitUnavailable message) => message.ApplicationId;

    protected override SmsDraft Draft(VisitUnavailable message, Recipient recipient) =>
        new(recipient.ApplicationId, SmsKind.Unavailable, $"{recipient.ApplicationId}:unavailable", new Dictionary<string, string>
        {
            ["month"] = MonthText.Of(message.VisitMonth),
            ["nextMonth"] = MonthText.Of(message.NextMonth),
        });
}
