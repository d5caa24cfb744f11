using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Visitation.Messaging.Database;
using Visitation.Messaging.FaultInjection;

namespace Visitation.Messaging;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ, oldest first, and stamps them sent.
/// One instance of a service dispatches at a time (a PostgreSQL advisory lock held for the
/// round's transaction), which keeps the order of events and never publishes a row twice
/// concurrently; the rows are also locked <c>FOR UPDATE SKIP LOCKED</c>. A crash between publish
/// and commit republishes that row on the next round: at-least-once, which the inboxes absorb.
/// </summary>
internal sealed partial class OutboxDispatcher<TContext>(
    IServiceProvider services,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService where TContext : ServiceDbContext
{
    /// <summary>Sees this instance's rounds begin and end (tests only; see <see cref="IOutboxRoundObserver"/>).</summary>
    internal IOutboxRoundObserver? RoundObserver { get; init; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastCleanup = DateTimeOffset.MinValue;
        var lastTimerCheck = 0L;
        var timersDue = true; // the first round looks
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Timers fall due by the clock, not by a commit: looked for once a poll interval, not in
                // every round an event's commit wakes (a statement per round, most finding nothing), and
                // again at once while a round finds a full batch of them. Real time paces the looking (the
                // service's clock may be a training or test clock set at will), measured from a round's
                // start; a look due within a tenth of the interval is made now, since the wait's timer can
                // end a little early.
                var sendDueTimers = timersDue || Stopwatch.GetElapsedTime(lastTimerCheck) >= options.Value.PollInterval * 0.9;
                if (sendDueTimers)
                {
                    lastTimerCheck = Stopwatch.GetTimestamp();
                }

                var round = await DispatchRoundAsync(sendDueTimers, stoppingToken);
                timersDue = round.Timers == options.Value.BatchSize;
                failures = 0;
                if (clock.GetUtcNow() - lastCleanup > options.Value.CleanupInterval)
                {
                    await CleanupAsync(stoppingToken);
                    lastCleanup = clock.GetUtcNow();
                }

                if (round.Events == options.Value.BatchSize || timersDue)
                {
                    continue; // more waiting: go again without sleeping
                }

                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Broker or database unavailable: back off exponentially, the rows wait safely.
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(200 * Math.Pow(2, failures), 10_000));
                LogRoundFailed(logger, typeof(TContext).Name, delay.TotalMilliseconds, ex);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<OutboxRound> DispatchRoundAsync(bool sendDueTimers, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var transport = new BusOutboxTransport(scope.ServiceProvider.GetRequiredService<IBus>()).WithCrashPoints(scope.ServiceProvider);
        return await DispatchRoundAsync(db, transport, cancellationToken, sendDueTimers);
    }

    /// <summary>
    /// One round in one transaction: take the dispatch lock, publish the unsent rows in id order
    /// (stopping at the first failure), then — when <paramref name="sendDueTimers"/> — send the timers
    /// that fell due, stamp and commit. A round that dies before its commit leaves its rows unsent, to
    /// be published again.
    /// </summary>
    internal async Task<OutboxRound> DispatchRoundAsync(TContext db, IOutboxTransport transport, CancellationToken cancellationToken, bool sendDueTimers = true)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var isDispatcher = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({OutboxLock.Key}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!isDispatcher)
        {
            return default; // another instance is dispatching this round
        }

        RoundObserver?.RoundStarted();

        // Not tracked: the round stamps what it sent with one statement, not an UPDATE per row.
        var batch = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY id LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var sent = new List<(OutboxMessage Row, DateTimeOffset At)>(batch.Count);
        foreach (var row in batch)
        {
            try
            {
                await WithinPublishTimeoutAsync(limit => transport.PublishAsync(row, limit), cancellationToken);
                sent.Add((row, clock.GetUtcNow()));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep order: stop at the first failure, commit what went out, retry the rest later.
                LogPublishFailed(logger, row.MessageType, row.MessageId, ex);
                await OutboxRows.RecordFailureAsync(db, row, ex.Message, cancellationToken);
                break;
            }
        }

        await OutboxRows.MarkSentAsync(db, sent.Select(s => s.Row).ToList(), clock.GetUtcNow(), cancellationToken);
        var timers = sent.Count == batch.Count && sendDueTimers ? await SendDueScheduledAsync(db, transport, cancellationToken) : 0;
        await db.SaveChangesAsync(cancellationToken);
        RoundObserver?.RoundCommitting();
        await transaction.CommitAsync(cancellationToken);
        // A short batch was every unsent row (we hold the dispatch lock): what is left is what failed.
        // Only a full batch leaves more behind, and only then is a count needed.
        var depth = batch.Count < options.Value.BatchSize
            ? batch.Count - sent.Count
            : await db.OutboxMessages.LongCountAsync(m => m.SentAt == null, cancellationToken);
        OutboxMetrics.RecordDepth(typeof(TContext).Name, depth);
        OutboxMetrics.RecordPublished(sent.Count, sent.Select(s => s.At - s.Row.CreatedAt));
        return new OutboxRound(sent.Count, timers);
    }

    /// <summary>Sends the scheduled messages that have fallen due to their queues, with their own message ids.</summary>
    private async Task<int> SendDueScheduledAsync(TContext db, IOutboxTransport transport, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.ScheduledMessages
            .FromSql($"SELECT * FROM scheduled_messages WHERE sent_at IS NULL AND due_at <= {now} ORDER BY due_at, id LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var row in due)
        {
            try
            {
                await WithinPublishTimeoutAsync(limit => transport.SendAsync(row, limit), cancellationToken);
                row.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPublishFailed(logger, row.MessageType, row.MessageId, ex);
                break;
            }
        }

        return sent;
    }

    /// <summary>
    /// One publish (or send), given up after <see cref="OutboxOptions.PublishTimeout"/> with a
    /// <see cref="TimeoutException"/>. The publish gets a token cancelled at the limit, so that one
    /// waiting for a confirm that will never come is ended — and lets go of the channel it holds —
    /// rather than left behind; the wait ends at the limit even if the publish ignores its token.
    /// </summary>
    private async Task WithinPublishTimeoutAsync(Func<CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Value.PublishTimeout);
        try
        {
            await publish(limit.Token).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No confirm within {options.Value.PublishTimeout}.");
        }
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var before = clock.GetUtcNow() - options.Value.SentRetention;
        var deleted = await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < before).ExecuteDeleteAsync(cancellationToken);
        deleted += await db.ScheduledMessages.Where(m => m.SentAt != null && m.SentAt < before).ExecuteDeleteAsync(cancellationToken);
        var inboxDeleted = await db.InboxMessages.Where(m => m.ReceivedAt < before - TimeSpan.FromDays(28)).ExecuteDeleteAsync(cancellationToken);
        if (deleted + inboxDeleted > 0)
        {
            LogCleanedUp(logger, typeof(TContext).Name, deleted, inboxDeleted);
        }
    }

    [LoggerMessage(2001, LogLevel.Warning, "Outbox round of {Context} failed; next try in {DelayMs} ms")]
    private static partial void LogRoundFailed(ILogger logger, string context, double delayMs, Exception exception);

    [LoggerMessage(2002, LogLevel.Warning, "Publishing {MessageType} {MessageId} failed; it stays in the outbox")]
    private static partial void LogPublishFailed(ILogger logger, string messageType, Guid messageId, Exception exception);

    [LoggerMessage(2003, LogLevel.Information, "Outbox clean-up of {Context}: {Sent} sent rows and {Inbox} inbox rows deleted")]
    private static partial void LogCleanedUp(ILogger logger, string context, int sent, int inbox);
}

/// <summary>What a dispatch round sent: events from the outbox, and timers that fell due.</summary>
internal readonly record struct OutboxRound(int Events, int Timers)
{
    public int Total => Events + Timers;
}
