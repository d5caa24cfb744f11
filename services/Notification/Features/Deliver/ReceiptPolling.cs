using Microsoft.Extensions.Options;
using Visitation.Messaging;
using Visitation.Notification.Features.Deliver.Providers;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// Periodic work (<c>PeriodicWork:ReceiptPolling:Interval</c>): settles attempts whose answer was never
/// recorded (<see cref="UnsettledAttempts"/>), pulls the receipts providers keep for us, and asks about
/// submitted messages whose receipt has not come (by callback or pull) — less often the longer they
/// wait, and not after a day, when providers no longer know.
/// </summary>
internal sealed class ReceiptPolling(
    ReceiptBook receipts, SmsProviderDirectory providers, UnsettledAttempts unsettled, ProviderQuestions questions, IOptions<SmsDeliveryOptions> options)
    : IPeriodicWork
{
    private const int QueryBatch = 50;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await unsettled.SettleAsync(cancellationToken);
        await PullAsync(cancellationToken);
        await AskAboutWaitingAsync(cancellationToken);
    }

    /// <summary>Submitted messages due to be asked about, each put off until its next asking (less often the longer it waits).</summary>
    private Task<int> AskAboutWaitingAsync(CancellationToken ct) =>
        questions.ClaimAndAskAsync(
            now => $"""
                SELECT * FROM sms_messages
                WHERE status = 'Submitted' AND next_attempt_at <= {now} AND sent_at > {now.AddDays(-1)}
                ORDER BY next_attempt_at LIMIT {QueryBatch} FOR UPDATE SKIP LOCKED
                """,
            QuestionReason.ReceiptNotCome,
            (sms, now) => sms.AwaitReceipt(now, options.Value.ReceiptWait),
            ct);

    private async Task PullAsync(CancellationToken ct)
    {
        foreach (var provider in providers.All)
        {
            var pulled = await provider.PullReceiptsAsync(ct);
            await receipts.ApplyAsync(pulled, ct);
        }
    }
}
