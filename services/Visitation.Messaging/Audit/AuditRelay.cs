using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Visitation.Messaging.Audit;

/// <summary>
/// Treats the service's <c>audit_log</c> as its outbox for the audit store (docs/audit-store.md):
/// each round reads the rows of each chain after the chain's cursor (<c>audit_relay_cursor</c>), in
/// <c>seq</c> order, publishes them together as one event (<see cref="IAuditEventFactory"/>; one delivery
/// a chain and round, not one a row: with every read of personal data audited, rows are half of a
/// busy service's messages), and advances the cursor past them once the broker confirmed, in the
/// round's transaction. The row's <c>seq</c> follows commit order (the audit lock, docs/audit.md), so
/// a row never commits behind the cursor. A crash after a publish and before the commit publishes
/// those rows again: at least once, and the store keeps each (service, chain, seq) once. One instance
/// relays at a time (an advisory lock held for the round's transaction).
/// </summary>
public sealed partial class AuditRelay(
    string service,
    string connectionString,
    IAuditEventFactory events,
    IServiceProvider services,
    IOptions<AuditRelayOptions> options,
    ILogger<AuditRelay> logger) : BackgroundService
{
    /// <summary>The advisory lock whose holder relays a service's audit (one per database, like <see cref="AuditLock"/>).</summary>
    public const long LockKey = AuditLock.Key + 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var bus = services.GetRequiredService<IBus>();
                var published = await RelayRoundAsync((chain, rows, ct) => PublishAsync(bus, chain, rows, ct), stoppingToken);
                failures = 0;
                if (published < options.Value.BatchSize)
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
                // The database or the broker away (or the cursor's table not migrated yet): the rows wait safely.
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(200 * Math.Pow(2, failures), 10_000));
                LogRoundFailed(logger, service, delay.TotalMilliseconds, ex);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One round: the rows of each chain after its cursor, published together; returns the most published in one chain.</summary>
    public async Task<int> RelayRoundAsync(Func<AuditChain, IReadOnlyList<AuditRow>, CancellationToken, Task> publish, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(publish);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_try_advisory_xact_lock({LockKey})", connection, transaction))
        {
            if (!(bool)(await lockCommand.ExecuteScalarAsync(ct))!)
            {
                return 0; // another instance is relaying this round
            }
        }

        var most = 0;
        foreach (var chain in AuditChains.All)
        {
            most = Math.Max(most, await RelayChainAsync(connection, transaction, chain, publish, ct));
        }

        await transaction.CommitAsync(ct);
        return most;
    }

    private async Task<int> RelayChainAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditChain chain, Func<AuditChain, IReadOnlyList<AuditRow>, CancellationToken, Task> publish, CancellationToken ct)
    {
        await using var cursor = new NpgsqlCommand("SELECT last_seq FROM audit_relay_cursor WHERE chain = @chain", connection, transaction);
        cursor.Parameters.AddWithValue("chain", chain.Name());
        var last = (long)(await cursor.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"audit_relay_cursor has no row for {chain.Name()}."));
        var rows = await AuditStore.RowsAfterAsync(connection, transaction, chain, last, options.Value.BatchSize, ct);
        if (rows.Count == 0)
        {
            return 0; // an idle round writes nothing
        }

        try
        {
            await publish(chain, rows, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Not confirmed: the cursor stays and the same rows (and any since) go in the next round.
            LogPublishFailed(logger, service, chain.Name(), rows[0].Seq, rows[^1].Seq, ex);
            return 0;
        }

        await using var advance = new NpgsqlCommand("UPDATE audit_relay_cursor SET last_seq = @last WHERE chain = @chain", connection, transaction);
        advance.Parameters.AddWithValue("last", rows[^1].Seq);
        advance.Parameters.AddWithValue("chain", chain.Name());
        await advance.ExecuteNonQueryAsync(ct);
        return rows.Count;
    }

    /// <summary>Publishes a chain's rows as one event and waits for the broker's confirm, given up after <see cref="AuditRelayOptions.PublishTimeout"/>.</summary>
    private async Task PublishAsync(IBus bus, AuditChain chain, IReadOnlyList<AuditRow> rows, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.Value.PublishTimeout);
        var message = events.Create(service, chain, rows);
        var messageId = AuditEventIds.Of(service, chain.Name(), rows[0].Seq, rows[^1].Seq);
        await bus.Publish(message, message.GetType(), context =>
        {
            context.MessageId = messageId;
            // Mandatory: until the store has bound its queue once on this broker (a fresh broker, the
            // store starting after the services), RabbitMQ would drop the row unrouted and confirm it
            // all the same. Returned instead, the publish faults and the row waits for the next round.
            if (context.TryGetPayload<RabbitMqSendContext>(out var rabbit))
            {
                rabbit.Mandatory = true;
            }
        }, limit.Token).WaitAsync(limit.Token);
    }

    [LoggerMessage(2101, LogLevel.Warning, "Audit relay round of {Service} failed; next try in {DelayMs} ms")]
    private static partial void LogRoundFailed(ILogger logger, string service, double delayMs, Exception exception);

    [LoggerMessage(2102, LogLevel.Warning, "Relaying audit rows {Chain}:{FirstSeq}-{LastSeq} of {Service} failed; they wait for the next round")]
    private static partial void LogPublishFailed(ILogger logger, string service, string chain, long firstSeq, long lastSeq, Exception exception);
}
