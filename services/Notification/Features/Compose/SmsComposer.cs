using Microsoft.EntityFrameworkCore;
using Visitation.Notification.Data;
using Visitation.Rules.Sms;
using Visitation.Messaging;
using Visitation.Rules.ReferenceData;

namespace Visitation.Notification.Features.Compose;

/// <summary>
/// Turns an event the family must hear about into a queued SMS, in the consumer's transaction.
/// The SMS's outcome key is unique, so neither a redelivery nor a second copy of the event can
/// queue it twice; the dispatcher sends it.
/// </summary>
public abstract class SmsComposer<TEvent>(NotificationDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : InboxConsumer<TEvent, NotificationDbContext>(db, clock) where TEvent : class
{
    protected ReferenceDataSet Reference => reference;

    protected abstract Guid ApplicationIdOf(TEvent message);

    protected abstract SmsDraft Draft(TEvent message, Recipient recipient);

    /// <summary>Whether this event needs no SMS at all (e.g. news the family never had to hear).</summary>
    protected virtual bool NeedsNoSms(TEvent message) => false;

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        if (NeedsNoSms(message))
        {
            return;
        }

        var applicationId = ApplicationIdOf(message);
        var recipient = await FindRecipientAsync(message, applicationId, cancellationToken)
            ?? throw new PrerequisiteMissingException($"No recipient yet for application {applicationId}; retrying.");
        var draft = Draft(message, recipient);
        if (await Db.Messages.AnyAsync(m => m.DedupKey == draft.DedupKey, cancellationToken))
        {
            return;
        }

        var now = Clock.GetUtcNow();
        Db.Messages.Add(new SmsMessage
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = applicationId,
            OfficeId = recipient.OfficeId,
            DedupKey = draft.DedupKey,
            Kind = draft.Kind.ToString(),
            Phone = recipient.Phone,
            Text = SmsTemplates.Render(draft.Kind, draft.Values),
            Values = new Dictionary<string, string>(draft.Values),
            VisitStartsAt = draft.VisitStartsAt,
            Status = SmsStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    protected virtual Task<Recipient?> FindRecipientAsync(TEvent message, Guid applicationId, CancellationToken ct) =>
        Db.Recipients.SingleOrDefaultAsync(r => r.ApplicationId == applicationId, ct);

    protected string OfficeName(Recipient recipient) => reference.Office(recipient.OfficeId)?.Name ?? "当地司法所";
}
