using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Visitation.Contracts.Events;
using Visitation.Notification.Data;
using Visitation.Rules.Privacy;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// Sends queued SMS through the gateway, each row locked so that several instances never send the
/// same one; failures are retried with back-off and, after the last attempt, reported as failed.
/// The outcome and its SmsSent/SmsFailed event commit together.
/// </summary>
internal sealed partial class SmsDispatcher(IServiceProvider services, IOptions<SmsGatewayOptions> options, TimeProvider clock, ILogger<SmsDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await SendOneAsync(stoppingToken))
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<bool> SendOneAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        var gateway = scope.ServiceProvider.GetRequiredService<SmsGatewayClient>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var sms = await db.Messages
            // A family hears of its application in order: an SMS waits while an older one to the same
            // application is still queued (or being sent by another instance).
            .FromSql($"""
                SELECT * FROM sms_messages m
                WHERE m.status = 'Queued' AND m.next_attempt_at <= {now}
                  AND NOT EXISTS (SELECT 1 FROM sms_messages o WHERE o.application_id = m.application_id AND o.status = 'Queued' AND o.created_at < m.created_at)
                ORDER BY m.next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED
                """)
            .SingleOrDefaultAsync(ct);
        if (sms is null)
        {
            return false;
        }

        sms.Attempts++;
        try
        {
            sms.GatewayId = await gateway.SendAsync(sms.Id, sms.Phone, sms.Text, ct);
            sms.Status = SmsStatus.Sent;
            sms.SentAt = clock.GetUtcNow();
            db.Publish(new SmsSent(sms.ApplicationId, sms.Id, sms.Kind, Mask.Phone(sms.Phone), sms.Text, sms.SentAt.Value), sms.SentAt.Value);
            LogSent(logger, sms.Id, sms.Kind, Mask.Phone(sms.Phone));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            sms.LastError = ex.Message;
            if (sms.Attempts >= options.Value.MaxAttempts)
            {
                sms.Status = SmsStatus.Failed;
                db.Publish(new SmsFailed(sms.ApplicationId, sms.Id, sms.Kind, Mask.Phone(sms.Phone), SmsFailureReason.OutOfRetries, null, now), now);
            }
            else
            {
                sms.NextAttemptAt = now.AddSeconds(Math.Min(Math.Pow(2, sms.Attempts), 300));
            }

            LogFailed(logger, sms.Id, sms.Attempts, ex.Message);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    [LoggerMessage(3001, LogLevel.Information, "SMS {SmsId} ({Kind}) sent to {PhoneMasked}")]
    private static partial void LogSent(ILogger logger, Guid smsId, string kind, string phoneMasked);

    [LoggerMessage(3002, LogLevel.Warning, "SMS {SmsId} attempt {Attempt} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, Guid smsId, int attempt, string error);

    [LoggerMessage(3003, LogLevel.Error, "SMS dispatch round failed")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
