using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Visitation.Notification.Data;
using Visitation.Notification.Features.Deliver.Providers;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// Asks the providers what became of attempts — ones whose answer was never recorded, submitted ones
/// whose receipt has not come — and applies the answers as receipts (<see cref="ReceiptBook"/>). The
/// messages are claimed, put off and committed before asking, so no row stays locked while a provider
/// is waited on over HTTP; the receipt book locks each message again to apply its answer, and an
/// answer overtaken meanwhile (a callback, another instance) changes nothing. Which messages are due,
/// and how long each is put off, is the caller's: <see cref="UnsettledAttempts"/>, <see cref="ReceiptPolling"/>.
/// </summary>
internal sealed partial class ProviderQuestions(
    SmsProviderDirectory providers, IServiceScopeFactory scopes, IOptions<SmsDeliveryOptions> options, TimeProvider clock, ILogger<ProviderQuestions> logger)
{
    /// <summary>
    /// Claims the messages <paramref name="due"/> selects at the time it is given (its SQL locks them
    /// <c>FOR UPDATE SKIP LOCKED</c>, so instances never share one), puts each off with
    /// <paramref name="putOff"/> so that none is asked about again before its turn, commits, and then asks
    /// the providers about each one's last attempt. The number of attempts asked about.
    /// </summary>
    public async Task<int> ClaimAndAskAsync(
        Func<DateTimeOffset, FormattableString> due, QuestionReason why, Action<SmsMessage, DateTimeOffset> putOff, CancellationToken ct)
    {
        var claimed = await ClaimAsync(due, why, putOff, ct);
        await AskAsync(claimed, ct);
        return claimed.Count;
    }

    private async Task<IReadOnlyCollection<AttemptQuestion>> ClaimAsync(
        Func<DateTimeOffset, FormattableString> due, QuestionReason why, Action<SmsMessage, DateTimeOffset> putOff, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var messages = await db.Messages.FromSql(due(now)).ToListAsync(ct);
        var claimed = await ForLastAttemptsAsync(db, messages, why, ct);
        foreach (var sms in messages)
        {
            putOff(sms, now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return claimed;
    }

    private async Task AskAsync(IReadOnlyCollection<AttemptQuestion> questions, CancellationToken ct)
    {
        if (questions.Count == 0)
        {
            return;
        }

        var answers = new System.Collections.Concurrent.ConcurrentBag<DeliveryReport>();
        await Parallel.ForEachAsync(questions, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct }, async (question, token) =>
        {
            if (providers.Named(question.Provider) is not { } provider)
            {
                LogUnknownProvider(logger, question.SmsId, question.Provider);
                return;
            }

            try
            {
                var report = await provider.QueryAsync(question.AttemptId, question.Phone, question.StartedAt, token);
                answers.Add(report with { MessageId = question.AttemptId });
                LogAnswered(logger, question.SmsId, question.Why, report.Outcome);
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                LogQueryFailed(logger, question.SmsId, ex.GetType().Name); // the caller's claim says when it is asked again
            }
        });

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReceiptBook>().ApplyAsync([.. answers], ct);
    }

    /// <summary>
    /// The last attempt of each of <paramref name="messages"/> (numbered as the message's count of
    /// attempts), as questions for its provider: one query that loads those attempts alone.
    /// </summary>
    private static async Task<IReadOnlyCollection<AttemptQuestion>> ForLastAttemptsAsync(
        NotificationDbContext db, IReadOnlyCollection<SmsMessage> messages, QuestionReason why, CancellationToken ct)
    {
        var ids = messages.Select(m => m.Id).ToList();
        var last = await db.Attempts.AsNoTracking()
            .Join(db.Messages.Where(m => ids.Contains(m.Id)), a => new { a.MessageId, a.Number }, m => new { MessageId = m.Id, Number = m.Attempts }, (a, _) => a)
            .ToDictionaryAsync(a => a.MessageId, ct);
        var questions = new List<AttemptQuestion>(last.Count);
        foreach (var sms in messages)
        {
            if (last.TryGetValue(sms.Id, out var attempt))
            {
                questions.Add(new AttemptQuestion(sms.Id, attempt.Id, attempt.Provider, sms.Phone, attempt.StartedAt, why));
            }
        }

        return questions;
    }

    [LoggerMessage(3010, LogLevel.Information, "SMS {SmsId}: asked the provider ({Why}); it reports {Outcome}")]
    private static partial void LogAnswered(ILogger logger, Guid smsId, QuestionReason why, DeliveryOutcome outcome);

    [LoggerMessage(3011, LogLevel.Warning, "SMS {SmsId}: could not ask the provider about its last attempt ({Error})")]
    private static partial void LogQueryFailed(ILogger logger, Guid smsId, string error);

    [LoggerMessage(3012, LogLevel.Error, "SMS {SmsId}: its last attempt was made with provider account {Provider}, which is not configured; it is left as it is")]
    private static partial void LogUnknownProvider(ILogger logger, Guid smsId, string provider);
}

/// <summary>Why an attempt is asked about: its answer was never recorded, or its receipt has not come.</summary>
internal enum QuestionReason
{
    AnswerNeverRecorded,
    ReceiptNotCome,
}

/// <summary>One attempt to ask its provider about, as claimed: our attempt id is what the provider knows it by.</summary>
internal sealed record AttemptQuestion(Guid SmsId, Guid AttemptId, string Provider, string Phone, DateTimeOffset StartedAt, QuestionReason Why);
