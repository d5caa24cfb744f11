using Visitation.Contracts.Events;
using Visitation.Notification.Data;
using Visitation.Rules.Sms;
using Visitation.Rules.ReferenceData;

namespace Visitation.Notification.Features.Compose;

public sealed class PrisonRejectedSmsConsumer(NotificationDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : SmsComposer<PrisonRejected>(db, reference, clock)
{
    protected override Guid ApplicationIdOf(PrisonRejected message) => message.ApplicationId;

    protected override SmsDraft Draft(PrisonRejected message, Recipient recipient) =>
        new(recipient.ApplicationId, SmsKind.PrisonRejected, $"{recipient.ApplicationId}:rejected", new Dictionary<string, string>
        {
            ["reason"] = SmsReasons.For(message.ReasonCode),
            ["officeName"] = OfficeName(recipient),
        });
}
