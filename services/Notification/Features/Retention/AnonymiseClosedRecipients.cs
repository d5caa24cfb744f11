using Microsoft.EntityFrameworkCore;
using Visitation.Workflow.Audit;
using Microsoft.Extensions.Options;
using Visitation.Notification.Data;
using Visitation.Protection.EntityFramework;
using Visitation.Workflow.Retention;

namespace Visitation.Notification.Features.Retention;

/// <summary>
/// Notification's retention, per application. Its records show what the family was told, not when
/// the application closed; every SMS about an application concerns its visit month, so it is taken
/// as closed once that month is over, nothing is queued for it and its last SMS is older than the
/// cutoff. Then the recipient (<see cref="Recipient.Anonymise"/>) and every SMS
/// (<see cref="SmsMessage.Anonymise"/>) lose phone and texts. A blank phone column (an empty value is stored
/// empty, not sealed) shows it was done: every recipient has a phone until then.
/// </summary>
public sealed class AnonymiseClosedRecipients(NotificationDbContext db, TimeProvider clock, IOptions<RetentionOptions> options)
    : RetentionWork<NotificationDbContext>(db, clock, options)
{
    private static readonly string SealedPhone = ProtectedFieldMapping.SealedPropertyName(nameof(Recipient.Phone));

    protected override async Task<IReadOnlyCollection<AuditedRecord>> AnonymiseBatchAsync(RetentionCutoff cutoff, int batchSize, CancellationToken ct)
    {
        var monthEnded = cutoff.LatestEndedMonth;
        // A query, not .NET: EF translates this overload to SQL's "<=" on yyyy-MM text (the ordinal
        // overload has no translation); the months are ASCII, so no collation orders them differently.
#pragma warning disable CA1309
        var recipients = await Db.Recipients
            .Where(r => EF.Property<string>(r, SealedPhone) != "" && string.Compare(r.VisitMonth, monthEnded) <= 0
                && !Db.Messages.Any(m => m.ApplicationId == r.ApplicationId && (m.Status == SmsStatus.Queued || m.CreatedAt >= cutoff.Instant)))
            .OrderBy(r => r.ApplicationId).Take(batchSize).ToListAsync(ct);
#pragma warning restore CA1309
        var applications = recipients.Select(r => r.ApplicationId).ToList();
        var messages = await Db.Messages.Where(m => applications.Contains(m.ApplicationId)).ToListAsync(ct);
        foreach (var recipient in recipients)
        {
            recipient.Anonymise();
        }

        foreach (var message in messages)
        {
            message.Anonymise();
        }

        return [.. recipients.Select(r => new AuditedRecord("application", r.ApplicationId.ToString(), r.OfficeId))];
    }
}
