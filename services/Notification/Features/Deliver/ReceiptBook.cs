using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Visitation.Notification.Data;
using Visitation.Notification.Features.Deliver.Providers;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// Applies delivery receipts, however they came (a provider's callback, a pull, a query), to the
/// attempt they name — by our attempt id where the provider echoes it, by the provider's message id
/// otherwise. The message row is locked while applied, so a receipt arriving twice at once moves it once.
/// A receipt for no attempt of ours is counted and dropped.
/// </summary>
public sealed partial class ReceiptBook(NotificationDbContext db, IOptions<SmsDeliveryOptions> options, TimeProvider clock, ILogger<ReceiptBook> logger)
{
    /// <summary>The receipts that matched an attempt of ours.</summary>
    public async Task<int> ApplyAsync(IReadOnlyCollection<DeliveryReport> reports, CancellationToken ct)
    {
        var matched = 0;
        foreach (var report in reports)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var attempt = report.MessageId is { } id
                ? await db.Attempts.SingleOrDefaultAsync(a => a.Id == id, ct)
                : report.ProviderMessageId is { Length: > 0 } providerId
                    ? await db.Attempts.Where(a => a.ProviderMessageId == providerId).OrderByDescending(a => a.StartedAt).FirstOrDefaultAsync(ct)
                    : null;
            if (attempt is null)
            {
                LogUnmatched(logger, report.ProviderMessageId);
                continue;
            }

            var sms = await db.Messages.FromSql($"SELECT * FROM sms_messages WHERE id = {attempt.MessageId} FOR UPDATE").SingleAsync(ct);
            await db.Entry(attempt).ReloadAsync(ct); // as of the lock: the send's answer may have been recorded since it was read
            SmsOutcomes.ApplyReport(db, sms, attempt, report, options.Value, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            matched++;
        }

        return matched;
    }

    [LoggerMessage(3020, LogLevel.Warning, "A delivery receipt ({ProviderMessageId}) names no attempt of ours; dropped")]
    private static partial void LogUnmatched(ILogger logger, string? providerMessageId);
}
