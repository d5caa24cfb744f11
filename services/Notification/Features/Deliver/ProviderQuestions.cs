using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Visitation.Notification.Data;
using Visitation.Notification.Features.Deliver.Providers;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// Asks the providers what became of attempts — ones whose answer was never recorded, submitted ones
/// whose receipt has not come — and applies the answers as receipts (<see cref="ReceiptBook"/>). The
/// callers claim the messages and commit before asking, so no row stays locked while a provider is
/// waited on over HTTP; the receipt book locks each message again to apply its answer, and an answer
/// overtaken meanwhile (a callback, another instance) changes nothing.
/// </summary>
internal sealed partial class ProviderQuestions(
    SmsProviderDirectory providers, IServiceScopeFactory scopes, IOptions<SmsDeliveryOptions> options, ILogger<ProviderQuestions> logger)
{
    public async Task AskAsync(IReadOnlyCollection<AttemptQuestion> questions, CancellationToken ct)
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

    /// <summary>The last attempt of each of <paramref name="messages"/>, in one query, as questions for its provider.</summary>
    public static async Task<IReadOnlyCollection<AttemptQuestion>> ForLastAttemptsAsync(
        NotificationDbContext db, IReadOnlyCollection<SmsMessage> messages, QuestionReason why, CancellationToken ct)
    {
        var ids = messages.Select(m => m.Id).ToList();
        var attempts = await db.Attempts.Where(a => ids.Contains(a.MessageId)).ToListAsync(ct);
        var last = attempts.ToLookup(a => (a.MessageId, a.Number));
        return
        [
            .. messages.SelectMany(sms => last[(sms.Id, sms.Attempts)]
                .Select(attempt => new AttemptQuestion(sms.Id, attempt.Id, attempt.Provider, sms.Phone, attempt.StartedAt, why))),
        ];
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
