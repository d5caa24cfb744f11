using System.Globalization;
using Visitation.Contracts.Events;
using Visitation.Notification.Data;
using Visitation.Rules.Sms;
using Visitation.Rules.ReferenceData;

namespace Visitation.Notification.Features.Compose;

/// <summary>
/// A cancelled visit, with its reason; when scheduling is looking for a new slot the family is told
/// a new time will follow [N§19]. Keyed by the visit, so a re-offered visit cancelled again is told again.
/// </summary>
public sealed class VisitCancelledSmsConsumer(NotificationDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : SmsComposer<VisitCancelled>(db, reference, clock)
{
    protected override Guid ApplicationIdOf(VisitCancelled message) => message.ApplicationId;

    /// <summary>An unconfirmed proposal moved to another slot: the family was never told its time, and hears of the new one.</summary>
    protected override bool NeedsNoSms(VisitCancelled message) => !message.WasScheduled && message.Reoffered;

    protected override SmsDraft Draft(VisitCancelled message, Recipient recipient) =>
        new(recipient.ApplicationId, !message.WasScheduled ? SmsKind.NotArranged : message.Reoffered ? SmsKind.CancelledReoffered : SmsKind.Cancelled,
            $"{recipient.ApplicationId}:cancelled:{message.VisitId}", new Dictionary<string, string>
            {
                ["date"] = MonthText.Of(message.Date),
                ["time"] = message.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["reason"] = SmsReasons.For(message.ReasonCode),
                ["officeName"] = OfficeName(recipient),
            }, VisitStart.Of(message.Date, message.StartTime));
}
