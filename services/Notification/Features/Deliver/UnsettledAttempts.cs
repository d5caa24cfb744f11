using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Visitation.Notification.Data;
using Visitation.Notification.Features.Deliver.Providers;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// Settles the attempts whose outcome was never recorded — the process died between calling the
/// provider and writing its answer, or the call got no answer — by asking the provider for the
/// attempt's id (OutId / SessionContext) before the SMS is ever sent again: found, it counts as sent
/// (and delivered, if the provider says so); not found, the SMS goes back to the queue. Only attempts
/// older than twice the provider timeout are asked about, so no live call is second-guessed.
/// </summary>
internal sealed partial class UnsettledAttempts(
    IServiceScopeFactory scopes, SmsProviderDirectory providers, IOptions<SmsDeliveryOptions> options, TimeProvider clock, ILogger<UnsettledAttempts> logger)
{
    private const int BatchSize = 20;

    public async Task<int> SettleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var cutoff = now - 2 * options.Value.ProviderTimeout;
        var sending = await db.Messages
            .FromSql($"""
                SELECT * FROM sms_messages m
                WHERE m.status = 'Sending'
                  AND EXISTS (SELECT 1 FROM sms_attempts a WHERE a.message_id = m.id AND a.number = m.attempts AND a.outcome = 'Unknown' AND a.started_at < {cutoff})
                ORDER BY m.next_attempt_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        foreach (var sms in sending)
        {
            var attempt = await db.Attempts.SingleAsync(a => a.MessageId == sms.Id && a.Number == sms.Attempts, ct);
            if (providers.Named(attempt.Provider) is not { } provider)
            {
                LogUnknownProvider(logger, sms.Id, attempt.Provider);
                continue;
            }

            try
            {
                var report = await provider.QueryAsync(attempt.Id, sms.Phone, attempt.StartedAt, ct);
                SmsOutcomes.ApplyReport(db, sms, attempt, report, options.Value, clock.GetUtcNow());
                LogSettled(logger, sms.Id, attempt.Number, report.Outcome);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogQueryFailed(logger, sms.Id, ex.GetType().Name); // asked again next round
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return sending.Count;
    }

    [LoggerMessage(3010, LogLevel.Warning, "SMS {SmsId}: attempt {Attempt} had no recorded answer; the provider reports {Outcome}")]
    private static partial void LogSettled(ILogger logger, Guid smsId, int attempt, DeliveryOutcome outcome);

    [LoggerMessage(3011, LogLevel.Warning, "SMS {SmsId}: could not ask the provider about its unsettled attempt ({Error})")]
    private static partial void LogQueryFailed(ILogger logger, Guid smsId, string error);

    [LoggerMessage(3012, LogLevel.Error, "SMS {SmsId}: its unsettled attempt was made with provider account {Provider}, which is not configured; it is left as it is")]
    private static partial void LogUnknownProvider(ILogger logger, Guid smsId, string provider);
}
