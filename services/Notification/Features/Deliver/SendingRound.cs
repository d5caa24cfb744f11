using Visitation.Messaging.Tracing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Visitation.Messaging.FaultInjection;
using Visitation.Notification.Data;
using Visitation.Notification.Features.Deliver.Providers;
using Visitation.Protection;
using Visitation.Protection.EntityFramework;
using Visitation.Rules.Privacy;
using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// One round of sending. First, in one short transaction, due messages are claimed (<c>FOR UPDATE
/// SKIP LOCKED</c>, so instances never share one): a message over its number's limits or inside quiet
/// hours is deferred to when it may go, the others get an attempt recorded and committed — before any
/// provider is called, because provider calls are not idempotent. Then the claimed messages are sent in
/// parallel, and each answer is recorded in a transaction of its own. A crash between a call and its
/// record leaves the SMS "sending" with an attempt of unknown outcome, which <see cref="UnsettledAttempts"/>
/// settles by asking the provider.
/// </summary>
internal sealed partial class SendingRound(
    IServiceScopeFactory scopes, SmsProviderDirectory providers, FieldProtector protector, CrashPoints crashPoints,
    IOptions<SmsDeliveryOptions> options, TimeProvider clock, ILogger<SendingRound> logger)
{
    private static readonly string PhoneIndex = ProtectedFieldMapping.IndexPropertyName(nameof(SmsMessage.Phone));

    /// <summary>Sends what is due; the number of messages claimed (deferred ones included), so a full batch means "go again at once".</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var claimed = await ClaimAsync(ct);
        await Parallel.ForEachAsync(claimed.Sends, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct },
            async (send, token) => await SendAsync(send, token));
        return claimed.Count;
    }

    private async Task<Claimed> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var due = await db.Messages
            // A family hears of its application in order: an SMS waits while an older one to the same
            // application is still queued or being sent (by this instance or another).
            .FromSql($"""
                SELECT * FROM sms_messages m
                WHERE m.status = 'Queued' AND m.next_attempt_at <= {now}
                  AND NOT EXISTS (SELECT 1 FROM sms_messages o WHERE o.application_id = m.application_id AND o.status IN ('Queued', 'Sending') AND o.created_at < m.created_at)
                ORDER BY m.next_attempt_at LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return new Claimed(0, []);
        }

        var numbers = due.ToDictionary(sms => sms.Id, sms => protector.BlindIndex(sms.Phone, NotificationDbContext.PhoneIndexPurpose));
        var ours = await LockNumbersAsync(db, numbers.Values, ct);
        var sentTo = await RecentSendsAsync(db, ours, now, ct);
        var sends = new List<PendingSend>();
        foreach (var sms in due)
        {
            var number = numbers[sms.Id];
            if (!ours.Contains(number))
            {
                continue; // another instance is sending to this number right now: left queued, for the next round
            }

            var kind = Enum.Parse<SmsKind>(sms.Kind);
            var quiet = options.Value.Quiet?.EarliestSend(kind, sms.VisitStartsAt, now) ?? now;
            var limited = options.Value.Limits.EarliestSend(sentTo[number], now);
            if (quiet > now || limited > now)
            {
                sms.Defer(quiet > limited ? quiet : limited, quiet > limited ? "quiet hours" : "the number's sending limit");
                LogDeferred(logger, sms.Id, sms.NextAttemptAt);
                continue;
            }

            var provider = providers.ForOffice(sms.OfficeId);
            var attempt = sms.StartAttempt(provider.Name, now);
            db.Attempts.Add(attempt);
            sentTo[number].Add(now);
            sends.Add(new PendingSend(sms.Id, sms.ApplicationId, attempt.Id, provider, new OutgoingSms(attempt.Id, sms.Phone, kind, sms.Values)));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Claimed(due.Count, sends);
    }

    /// <summary>
    /// The numbers this round may send to: each locked until the round's claim commits, so two instances
    /// never judge one number's limit at once (the second would not see the first's attempt). A number
    /// another instance holds is skipped, not waited for.
    /// </summary>
    private static async Task<HashSet<string>> LockNumbersAsync(NotificationDbContext db, IEnumerable<string> numbers, CancellationToken ct)
    {
        var keyOf = numbers.Distinct(StringComparer.Ordinal).ToDictionary(n => n, NumberLockKey, StringComparer.Ordinal);
        var keys = keyOf.Values.Distinct().ToArray();
        // One round trip; a try-lock never waits, so rounds of two instances cannot deadlock.
        var locked = (await db.Database
            .SqlQuery<int>($"SELECT k AS \"Value\" FROM unnest({keys}) AS k WHERE pg_try_advisory_xact_lock({NumberLockSpace}, k)")
            .ToListAsync(ct)).ToHashSet();
        return [.. keyOf.Where(n => locked.Contains(n.Value)).Select(n => n.Key)];
    }

    /// <summary>The advisory-lock space of SMS numbers (two-key form: this, and a number's key), apart from every other lock of the service.</summary>
    private const int NumberLockSpace = 0x534D53; // "SMS"

    private static int NumberLockKey(string blindIndex) =>
        BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(blindIndex)), 0);

    /// <summary>
    /// The attempts of the last day to each of <paramref name="numbers"/> (blind indexes; every number
    /// present, the round adds its own): only those the provider took or may have taken count.
    /// </summary>
    private static async Task<Dictionary<string, List<DateTimeOffset>>> RecentSendsAsync(NotificationDbContext db, IReadOnlyCollection<string> numbers, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-1);
        var sent = (await db.Attempts
            .Where(a => a.StartedAt > since && (a.Outcome == SmsAttemptOutcome.Accepted || a.Outcome == SmsAttemptOutcome.Unknown))
            .Join(db.Messages, a => a.MessageId, m => m.Id, (a, m) => new { Number = EF.Property<string>(m, PhoneIndex), a.StartedAt })
            .Where(x => numbers.Contains(x.Number))
            .ToListAsync(ct))
            .ToLookup(x => x.Number, x => x.StartedAt, StringComparer.Ordinal);
        return numbers.ToDictionary(n => n, n => sent[n].ToList(), StringComparer.Ordinal);
    }

    private async Task SendAsync(PendingSend send, CancellationToken ct)
    {
        // The send is a step of the application's trace, its provider call a child of it.
        using var trace = ApplicationTrace.Start("sms send", send.ApplicationId, System.Diagnostics.ActivityKind.Client);
        trace?.SetTag("visitation.sms.kind", send.Sms.Kind.ToString());
        SendResult result;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.ProviderTimeout);
            result = await send.Provider.SendAsync(send.Sms, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException && !ct.IsCancellationRequested)
        {
            // No answer is not "not sent": the provider may have taken it. The attempt stays unknown
            // and is settled by asking the provider, never by sending blind.
            LogNoAnswer(logger, send.MessageId, ex.GetType().Name);
            return;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Failed here, before anything left (e.g. a template value the provider's form refuses):
            // retried like a provider's temporary failure, and the office told if it never passes.
            result = new SendResult(SendOutcome.TemporaryFailure, null, ex.GetType().Name, null);
        }

        crashPoints.ProviderAnswered(send.Sms.Phone);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sms = await db.Messages.SingleAsync(m => m.Id == send.MessageId, ct);
        var attempt = await db.Attempts.SingleAsync(a => a.Id == send.AttemptId, ct);
        if (attempt.Outcome is not SmsAttemptOutcome.Unknown)
        {
            return; // settled meanwhile (a receipt or a reconciliation overtook the answer)
        }

        SmsOutcomes.ApplySend(db, sms, attempt, result, options.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogAnswered(logger, sms.Id, sms.Kind, Mask.Phone(sms.Phone), result.Outcome, result.ProviderCode);
    }

    private sealed record PendingSend(Guid MessageId, Guid ApplicationId, Guid AttemptId, ISmsProvider Provider, OutgoingSms Sms);

    private sealed record Claimed(int Count, IReadOnlyList<PendingSend> Sends);

    [LoggerMessage(3001, LogLevel.Information, "SMS {SmsId} ({Kind}) to {PhoneMasked}: {Outcome} {ProviderCode}")]
    private static partial void LogAnswered(ILogger logger, Guid smsId, string kind, string phoneMasked, SendOutcome outcome, string? providerCode);

    [LoggerMessage(3002, LogLevel.Warning, "SMS {SmsId}: no answer from the provider ({Error}); the attempt will be settled by query")]
    private static partial void LogNoAnswer(ILogger logger, Guid smsId, string error);

    [LoggerMessage(3004, LogLevel.Information, "SMS {SmsId} deferred until {Until}")]
    private static partial void LogDeferred(ILogger logger, Guid smsId, DateTimeOffset until);
}
