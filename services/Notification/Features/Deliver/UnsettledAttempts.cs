using Microsoft.Extensions.Options;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// Settles the attempts whose outcome was never recorded — the process died between calling the
/// provider and writing its answer, or the call got no answer — by asking the provider for the
/// attempt's id (OutId / SessionContext) before the SMS is ever sent again: found, it counts as sent
/// (and delivered, if the provider says so); not found, the SMS goes back to the queue. Only attempts
/// older than twice the provider timeout are asked about, so no live call is second-guessed; a claimed
/// one is not asked about again for as long, so a provider that cannot answer is asked at that pace.
/// </summary>
internal sealed class UnsettledAttempts(ProviderQuestions questions, IOptions<SmsDeliveryOptions> options)
{
    private const int BatchSize = 20;

    /// <summary>The number of attempts asked about.</summary>
    public Task<int> SettleAsync(CancellationToken ct)
    {
        var unanswered = 2 * options.Value.ProviderTimeout;
        return questions.ClaimAndAskAsync(
            now => $"""
                SELECT * FROM sms_messages m
                WHERE m.status = 'Sending' AND m.next_attempt_at <= {now}
                  AND EXISTS (SELECT 1 FROM sms_attempts a WHERE a.message_id = m.id AND a.number = m.attempts AND a.outcome = 'Unknown' AND a.started_at < {now - unanswered})
                ORDER BY m.next_attempt_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """,
            QuestionReason.AnswerNeverRecorded,
            (sms, now) => sms.AwaitProviderAnswer(now + unanswered),
            ct);
    }
}
