using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Notification.Data;
using Visitation.Rules.Sms;
using Visitation.Rules.ReferenceData;

namespace Visitation.Notification.Features.Compose;

/// <summary>
/// Records who the family's contact is, and tells them the application was received. Reads
/// <see cref="ApplicationContactGiven"/>, the submission's event for notification alone: the
/// reviewing stages' ApplicationSubmitted carries no phone (docs/data-minimisation.md).
/// </summary>
public sealed class ApplicationReceivedSmsConsumer(NotificationDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : SmsComposer<ApplicationContactGiven>(db, reference, clock)
{
    protected override Guid ApplicationIdOf(ApplicationContactGiven message) => message.ApplicationId;

    protected override async Task<Recipient?> FindRecipientAsync(ApplicationContactGiven message, Guid applicationId, CancellationToken ct)
    {
        var recipient = await Db.Recipients.SingleOrDefaultAsync(r => r.ApplicationId == applicationId, ct);
        if (recipient is null)
        {
            recipient = new Recipient
            {
                ApplicationId = applicationId,
                Phone = message.ContactPhone,
                VisitMonth = message.VisitMonth,
                OfficeId = message.OfficeId,
                CountyId = message.CountyId,
                PrisonId = message.PrisonId,
            };
            Db.Recipients.Add(recipient);
        }

        return recipient;
    }

    protected override SmsDraft Draft(ApplicationContactGiven message, Recipient recipient) =>
        new(recipient.ApplicationId, SmsKind.Received, $"{recipient.ApplicationId}:received", new Dictionary<string, string>
        {
            ["month"] = MonthText.Of(recipient.VisitMonth),
            // The application id's last 12 hex digits: its random part (the first ones of a v7 id are
            // its creation time, the same for applications submitted in the same millisecond).
            ["reference"] = recipient.ApplicationId.ToString("N")[^12..].ToUpperInvariant(),
        });
}
