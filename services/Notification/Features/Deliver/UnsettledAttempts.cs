using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Visitation.Notification.Data;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// Settles the attempts whose outcome was never recorded — the process died between calling the
/// provider and writing its answer, or the call got no answer — by asking the provider for the
/// attempt's id (OutId / SessionContext) before the SMS is ever sent again: found, it counts as sent
/// (and delivered, if the provider says so); not found, the SMS goes back to the queue. Only attempts
/// older than twice the provider timeout are asked about, so no live call is second-guessed; a claimed
/// one is not asked about again for as long, so a provider that cannot answer is asked at that pace.
/// </summary>
internal sealed class UnsettledAttempts(
    IServiceScopeFactory scopes, ProviderQuestions questions, IOptions<SmsDeliveryOptions> options, TimeProvider clock)
{
    private const int BatchSize = 20;

    public async Task<int> SettleAsync(CancellationToken ct)
    {
        var claimed = await ClaimAsync(ct);
        await questions.AskAsync(claimed, ct);
        return claimed.Count;
    }

    private async Task<IReadOnlyCollection<AttemptQuestion>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var unanswered = 2 * options.Value.ProviderTimeout;
        var cutoff = now - unanswered;
        var sending = await db.Messages
            .FromSql($"""
                SELECT * FROM sms_messages m
                WHERE m.status = 'Sending' AND m.next_attempt_at <= {now}
                  AND EXISTS (SELECT 1 FROM sms_attempts a WHERE a.message_id = m.id AND a.number = m.attempts AND a.outcome = 'Unknown' AND a.started_at < {cutoff})
                ORDER BY m.next_attempt_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        var claimed = await ProviderQuestions.ForLastAttemptsAsync(db, sending, QuestionReason.AnswerNeverRecorded, ct);
        foreach (var sms in sending)
        {
            sms.AwaitProviderAnswer(now + unanswered);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return claimed;
    }
}
