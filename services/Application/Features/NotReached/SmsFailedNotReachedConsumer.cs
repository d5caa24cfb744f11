using Microsoft.EntityFrameworkCore;
using Visitation.Application.Data;
using Visitation.Contracts.Events;
using Visitation.Messaging;
using Visitation.Workflow.Audit;

namespace Visitation.Application.Features.NotReached;

/// <summary>
/// An SMS that will never reach the family puts its application on the filing office's "family not
/// reached" list, so a clerk phones them (docs/family-not-reached.md). The inbox absorbs a redelivery;
/// the same SMS reported again under another message id (a send's failure, then its receipt's) finds
/// its entry, open or closed, and adds nothing: the clerk's handling of that SMS stands.
/// </summary>
public sealed class SmsFailedNotReachedConsumer(ApplicationDbContext db, TimeProvider clock) : InboxConsumer<SmsFailed, ApplicationDbContext>(db, clock)
{
    protected override async Task HandleAsync(SmsFailed message, CancellationToken cancellationToken)
    {
        var officeId = await Db.Applications.Where(a => a.Id == message.ApplicationId).Select(a => a.OfficeId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new PrerequisiteMissingException($"Application {message.ApplicationId} is unknown here; retrying.");
        if (await Db.FamiliesNotReached.AnyAsync(e => e.ApplicationId == message.ApplicationId && e.SmsId == message.SmsId, cancellationToken))
        {
            return;
        }

        var entry = new FamilyNotReached
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = message.ApplicationId,
            OfficeId = officeId,
            SmsId = message.SmsId,
            SmsKind = message.Kind,
            PhoneMasked = message.PhoneMasked,
            Reason = message.Reason,
            ProviderCode = message.ProviderCode,
            FailedAt = message.OccurredAt,
            RecordedAt = Clock.GetUtcNow(),
        };
        Db.FamiliesNotReached.Add(entry);
        Db.AuditSystem(AuditEvent.FamilyNotReachedListed, entry.Audited(), reason: NotReachedCodes.Of(message.Reason));
    }
}
