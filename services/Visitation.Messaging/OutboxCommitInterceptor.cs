using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Visitation.Messaging.Database;

namespace Visitation.Messaging;

/// <summary>
/// Two jobs at a transaction's commit. First, the outbox rows a transaction wrote take their
/// publishing position (their id) at its commit, not at their insert: ids come from a sequence drawn
/// at insert, so two overlapping transactions could otherwise commit out of id order and the
/// dispatcher, reading in id order, publish a later commit's event first. Just before the commit
/// the transaction takes <see cref="OutboxLock.CommitKey"/> and redraws its rows' ids in their
/// original order; the lock is released only after the commit is visible, so ids follow commit
/// order and the dispatcher never sees a higher id before a lower one. This serialises the last
/// moment of event-writing commits in a service, not the work before it.
/// Second, it wakes the dispatcher once a commit has made new outbox (or scheduled) rows visible —
/// and only then: the dispatcher's own commits must not wake it again, or it would spin.
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor, IContextLeaseAware
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];
    private readonly ConditionalWeakTable<DbContext, List<OutboxMessage>> _written = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RecordAdded(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RecordAdded(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            NotifyIfPending(context);
        }

        return ValueTask.FromResult(result);
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (RenumberCommand(transaction, eventData.Context) is { } command)
        {
            await using (command)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return result;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (RenumberCommand(transaction, eventData.Context) is { } command)
        {
            using (command)
            {
                command.ExecuteNonQuery();
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
        if (eventData.Context is { } context)
        {
            // The row objects keep the ids drawn at insert; nothing reads an outbox row's id after its commit.
            _written.Remove(context);
            NotifyIfPending(context);
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    /// <summary>
    /// Takes the commit lock and gives the transaction's outbox rows new ids, oldest first so that
    /// their order within the transaction is kept; null when the transaction wrote none.
    /// </summary>
    private DbCommand? RenumberCommand(DbTransaction transaction, DbContext? context)
    {
        if (context is null || !_written.TryGetValue(context, out var written) || written.Count == 0)
        {
            return null;
        }

        // By message id: a row's id is not yet on the object when a save commits its own
        // transaction. Guids formatted by .NET are safe as literals, so the block needs no parameters.
        var messageIds = string.Join(", ", written.Select(row => $"'{row.MessageId:D}'").Distinct());
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT pg_advisory_xact_lock({OutboxLock.CommitKey});
            DO $$
            DECLARE pending record;
            BEGIN
                FOR pending IN SELECT id FROM outbox_messages WHERE message_id IN ({messageIds}) ORDER BY id LOOP
                    UPDATE outbox_messages SET id = DEFAULT WHERE id = pending.id;
                END LOOP;
            END $$;
            """;
        return command;
    }

    /// <summary>Notes the outbox and scheduled rows a save is about to insert.</summary>
    private void RecordAdded(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added && e.Entity is OutboxMessage or ScheduledMessage)
            .Select(e => e.Entity)
            .ToList();
        if (added.Count > 0)
        {
            _pending.AddOrUpdate(context, this);
            _written.GetOrCreateValue(context).AddRange(added.OfType<OutboxMessage>());
            // A save of one statement would otherwise run without a transaction, and so without
            // the commit above: its row would become visible with an id drawn outside the lock.
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    /// <summary>
    /// A pooled context goes back to its pool: rows of a transaction it disposed uncommitted (which raises
    /// no rollback event) must not be renumbered by its next lease's commit.
    /// </summary>
    public void ContextReturned(DbContext context) => Forget(context);

    /// <summary>Rows of a transaction that did not commit: nothing to renumber, nothing to announce.</summary>
    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _written.Remove(context);
            _pending.Remove(context);
        }
    }

    private void NotifyIfPending(DbContext context)
    {
        if (_pending.Remove(context))
        {
            signal.Notify();
        }
    }
}
