using Visitation.Contracts.Events;
using Visitation.Notification.Data;
using Visitation.Rules.Sms;
using Visitation.Rules.ReferenceData;

namespace Visitation.Notification.Features.Compose;

public sealed class BureauRejectedSmsConsumer(NotificationDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : SmsComposer<BureauRejected>(db, reference, clock)
{
    protected override Guid ApplicationIdOf(BureauRejected message) => message.ApplicationId;

    protected override SmsDraft Draft(BureauRejected message, Recipient recipient) =>
        new(recipient.ApplicationId, SmsKind.BureauRejected, $"{recipient.ApplicationId}:rejected", new Dictionary<string, string>
        {
            ["bureauName"] = Reference.County(message.CountyId)?.Name ?? "县（区）司法局",
            ["reason"] = SmsReasons.For(message.ReasonCode),
            ["officeName"] = OfficeName(recipient),
        });
}
