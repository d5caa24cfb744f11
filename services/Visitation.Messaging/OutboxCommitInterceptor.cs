using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Visitation.Messaging.Database;

namespace Visitation.Messaging;

/// <summary>
/// Writes the events a transaction published (<see cref="ServiceDbContext.Publish{TEvent}"/>) as the
/// last statement before its commit, and wakes the dispatcher once the commit has made them visible.
/// An outbox row's id is its publishing position, and ids must follow commit order: the dispatcher reads
/// in id order, so a row whose id was drawn before another's but committed after it would be published
/// late, or — past the dispatcher's position — look like a gap. So the rows are inserted only at the
/// commit, under <see cref="OutboxLock.CommitKey"/>, which is held until the commit is visible: the ids
/// are drawn in commit order, in the order the transaction published them. This serialises the last
/// moment of event-writing commits in a service, not the work before it. (The rows used to be inserted
/// with the transaction's other rows and renumbered at the commit: an UPDATE of every row's key.)
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    /// <summary>A statement's rows: PostgreSQL takes at most 65,535 parameters in one, and a bulk change (a closed day) may publish thousands of events.</summary>
    private const int RowsPerStatement = 1000;

    private static readonly string[] Columns = ["message_id", "message_type", "body", "trace_parent", "created_at", "attempts"];

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Adopt(eventData);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Adopt(eventData);
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (InsertBatch(transaction, eventData) is { } batch)
        {
            await using (batch)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return result;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (InsertBatch(transaction, eventData) is { } batch)
        {
            using (batch)
            {
                batch.ExecuteNonQuery();
            }
        }

        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is ServiceDbContext { WroteOutboxRows: true } context)
        {
            context.WroteOutboxRows = false;
            signal.Notify();
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData);

    /// <summary>Events published before a transaction belong to it: a save's own transaction, or the handler's that began after them.</summary>
    private static void Adopt(TransactionEndEventData eventData) => (eventData.Context as ServiceDbContext)?.PendingOutbox.Adopt(eventData.TransactionId);

    /// <summary>Events of a transaction that did not commit: nothing to write, nothing to announce.</summary>
    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is ServiceDbContext context)
        {
            context.PendingOutbox.Take();
            context.WroteOutboxRows = false;
        }
    }

    /// <summary>Takes the commit lock and inserts the transaction's events in the order published; null when it published none.</summary>
    private static NpgsqlBatch? InsertBatch(DbTransaction transaction, TransactionEventData eventData)
    {
        if (eventData.Context is not ServiceDbContext context || context.PendingOutbox.Take(eventData.TransactionId) is not { Count: > 0 } rows)
        {
            return null;
        }

        // One round trip: the lock, then the rows, in statements whose VALUES draw the ids in the order published.
        var batch = new NpgsqlBatch((NpgsqlConnection)transaction.Connection!, (NpgsqlTransaction)transaction)
        {
            BatchCommands = { new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({OutboxLock.CommitKey})") },
        };
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            batch.BatchCommands.Add(InsertCommand(chunk));
        }

        context.WroteOutboxRows = true;
        return batch;
    }

    private static NpgsqlBatchCommand InsertCommand(OutboxMessage[] rows)
    {
        var insert = new NpgsqlBatchCommand();
        var values = new StringBuilder();
        foreach (var row in rows)
        {
            var first = insert.Parameters.Count;
            values.Append(values.Length == 0 ? "(" : ", (")
                .AppendJoin(", ", Enumerable.Range(first + 1, Columns.Length).Select(n => string.Create(CultureInfo.InvariantCulture, $"${n}")))
                .Append(')');
            insert.Parameters.Add(new NpgsqlParameter { Value = row.MessageId });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.MessageType });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.Body, NpgsqlDbType = NpgsqlDbType.Jsonb });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)row.TraceParent ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.CreatedAt.ToUniversalTime() });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.Attempts });
        }

        insert.CommandText = $"INSERT INTO outbox_messages ({string.Join(", ", Columns)}) VALUES {values}";
        return insert;
    }
}
