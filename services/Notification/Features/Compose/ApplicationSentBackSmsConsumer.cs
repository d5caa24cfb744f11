using Visitation.Contracts.Events;
using Visitation.Notification.Data;
using Visitation.Rules.Calendars;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Reviewing;
using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Compose;

/// <summary>
/// Tells the family what to bring after a stage sent the application back (docs/send-back.md): the coded
/// items in fixed words, the last day and their office — never the reviewer's note. Keyed by the
/// send-back, so a redelivery sends nothing and a second send-back of the same application its own SMS.
/// </summary>
public sealed class ApplicationSentBackSmsConsumer(NotificationDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : SmsComposer<ApplicationSentBack>(db, reference, clock)
{
    protected override Guid ApplicationIdOf(ApplicationSentBack message) => message.ApplicationId;

    protected override SmsDraft Draft(ApplicationSentBack message, Recipient recipient) =>
        new(recipient.ApplicationId, SmsKind.SentBack, $"{recipient.ApplicationId}:sent-back:{message.SendBackId}", new Dictionary<string, string>
        {
            ["materials"] = MissingMaterials.Describe(message.Missing),
            // The time ends at midnight: the last day to hand the material in is the one before.
            ["date"] = MonthText.Of(DateOnly.FromDateTime(message.ResubmitBy.ToOffset(ChinaTime.Offset).DateTime).AddDays(-1)),
            ["officeName"] = OfficeName(recipient),
        });
}
