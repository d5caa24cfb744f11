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
internal sealed class ReceiptPolling(
    NotificationDbContext db, ReceiptBook receipts, SmsProviderDirectory providers, UnsettledAttempts unsettled, ProviderQuestions questions,
    IOptions<SmsDeliveryOptions> options, TimeProvider clock)
    : IPeriodicWork
{
    private const int QueryBatch = 50;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await unsettled.SettleAsync(cancellationToken);
        await PullAsync(cancellationToken);
        await questions.AskAsync(await ClaimWaitingAsync(cancellationToken), cancellationToken);
    }

    private async Task PullAsync(CancellationToken ct)
    {
        foreach (var provider in providers.All)
        {
            var pulled = await provider.PullReceiptsAsync(ct);
            await receipts.ApplyAsync(pulled, ct);
        }
    }

    /// <summary>Submitted messages due to be asked about, each put off until its next asking before the provider is asked (committed, so no row stays locked meanwhile).</summary>
    private async Task<IReadOnlyCollection<AttemptQuestion>> ClaimWaitingAsync(CancellationToken ct)
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
        var claimed = await ProviderQuestions.ForLastAttemptsAsync(db, waiting, QuestionReason.ReceiptNotCome, ct);
        foreach (var sms in waiting)
        {
            sms.AwaitReceipt(now, options.Value.ReceiptWait);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return claimed;
    }
}
