using Visitation.Contracts.Events;
using Visitation.Notification.Data;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Reviewing;
using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Compose;

/// <summary>
/// Tells the family who cannot come to an approved visit (docs/visitor-refusal-and-no-shows.md): by
/// position and relation word, the reason by its neutral sentence, and their office. The event carries
/// no name, and the SMS names none. One per application and stage: the bureau's removal says the application goes on to
/// the prison (<see cref="SmsKind.VisitorsRemovedAtReview"/>), the prison's that the visit was approved.
/// </summary>
public sealed class VisitorsRemovedSmsConsumer(NotificationDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : SmsComposer<VisitorsRemoved>(db, reference, clock)
{
    protected override Guid ApplicationIdOf(VisitorsRemoved message) => message.ApplicationId;

    protected override bool NeedsNoSms(VisitorsRemoved message) => message.Removed.Count == 0;

    protected override SmsDraft Draft(VisitorsRemoved message, Recipient recipient) =>
        new(recipient.ApplicationId,
            message.ByBureau ? SmsKind.VisitorsRemovedAtReview : SmsKind.VisitorsRemoved,
            message.ByBureau ? $"{recipient.ApplicationId}:visitors-removed-at-review" : $"{recipient.ApplicationId}:visitors-removed",
            new Dictionary<string, string>
        {
            ["visitors"] = VisitorRemovals.DescribeForSms([.. message.Removed.Select(r => (r.VisitorIndex, r.Relation))]),
            ["reason"] = VisitorRemovals.SmsReason(message.Removed.Select(r => r.Code)),
            ["officeName"] = OfficeName(recipient),
        });
}
