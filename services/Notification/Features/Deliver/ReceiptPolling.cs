using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Visitation.Messaging;
using Visitation.Notification.Data;
using Visitation.Notification.Features.Deliver.Providers;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// Periodic work (<c>PeriodicWork:ReceiptPolling:Interval</c>): settles attempts whose answer was never
/// recorded (<see cref="UnsettledAttempts"/>), pulls the receipts providers keep for us, and asks about
/// submitted messages whose receipt has not come (by callback or pull) — less often the longer they
/// wait, and not after a day, when providers no longer know.
/// </summary>
internal sealed partial class ReceiptPolling(
    NotificationDbContext db, ReceiptBook receipts, SmsProviderDirectory providers, UnsettledAttempts unsettled, IOptions<SmsDeliveryOptions> options, TimeProvider clock, ILogger<ReceiptPolling> logger)
    : IPeriodicWork
{
    private const int QueryBatch = 50;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await unsettled.SettleAsync(cancellationToken);
        await PullAsync(cancellationToken);
        await QueryAsync(cancellationToken);
    }

    private async Task PullAsync(CancellationToken ct)
    {
        foreach (var provider in providers.All)
        {
            var pulled = await provider.PullReceiptsAsync(ct);
            await receipts.ApplyAsync(pulled, ct);
        }
    }

    private async Task QueryAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var dayAgo = now.AddDays(-1);
        var waiting = await db.Messages
            .FromSql($"""
                SELECT * FROM sms_messages
                WHERE status = 'Submitted' AND next_attempt_at <= {now} AND sent_at > {dayAgo}
                ORDER BY next_attempt_at LIMIT {QueryBatch} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        foreach (var sms in waiting)
        {
            sms.AwaitReceipt(now, options.Value.ReceiptWait);
            var attempt = await db.Attempts.SingleOrDefaultAsync(a => a.MessageId == sms.Id && a.Number == sms.Attempts, ct);
            if (attempt is null || providers.Named(attempt.Provider) is not { } provider)
            {
                continue;
            }

            try
            {
                var report = await provider.QueryAsync(attempt.Id, sms.Phone, attempt.StartedAt, ct);
                SmsOutcomes.ApplyReport(db, sms, attempt, report, options.Value, now);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogQueryFailed(logger, sms.Id, ex.GetType().Name);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    [LoggerMessage(3031, LogLevel.Warning, "SMS {SmsId}: could not ask the provider for its receipt ({Error})")]
    private static partial void LogQueryFailed(ILogger logger, Guid smsId, string error);
}
