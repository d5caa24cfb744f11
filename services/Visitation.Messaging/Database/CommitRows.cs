using Microsoft.EntityFrameworkCore;

namespace Visitation.Messaging.Database;

/// <summary>
/// Rows a context writes as the last statements of a transaction, just before its commit (audit rows,
/// outbox rows), each kept with the transaction it was recorded in until that commit takes them.
/// </summary>
public class CommitRows<TRow>
{
    private List<(Guid? Transaction, TRow Row)> _pending = [];

    public bool IsEmpty => _pending.Count == 0;

    public void Add(DbContext context, TRow row)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(row);
        _pending.Add((context.Database.CurrentTransaction?.TransactionId, row));
    }

    /// <summary>
    /// Gives the rows recorded before any transaction to the one just started: they are written if it
    /// commits and dropped if it ends otherwise, as the rows recorded inside it are, rather than left for
    /// whichever transaction of the context commits next.
    /// </summary>
    public void Adopt(Guid transaction)
    {
        for (var i = 0; i < _pending.Count; i++)
        {
            if (_pending[i].Transaction is null)
            {
                _pending[i] = (transaction, _pending[i].Row);
            }
        }
    }

    /// <summary>
    /// The rows the committing transaction is to write, handed over once: those recorded inside it
    /// or before any transaction. A row recorded inside another transaction is dropped: that one
    /// ended without committing (a transaction disposed uncommitted raises no rollback event).
    /// Called without a transaction, it drops every row (the change they recorded did not happen).
    /// </summary>
    public List<TRow> Take(Guid? committing = null)
    {
        var pending = _pending;
        _pending = [];
        return [.. pending.Where(p => p.Transaction is null || p.Transaction == committing).Select(p => p.Row)];
    }
}

/// <summary>Saves of a context that writes rows at the commit.</summary>
public static class CommitRows
{
    /// <summary>
    /// A save with rows to write at the commit runs in a transaction even when it changes nothing else (a
    /// read's audit, a sign-in's row, an event alone) or one row: the rows are written at the commit, so
    /// there must be one.
    /// </summary>
    public static async Task<int> SaveAsync(DbContext context, bool writesAtCommit, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(save);
        if (!writesAtCommit || context.Database.CurrentTransaction is not null)
        {
            return await save(cancellationToken);
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var saved = await save(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    /// <inheritdoc cref="SaveAsync"/>
    public static int Save(DbContext context, bool writesAtCommit, Func<int> save)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(save);
        if (!writesAtCommit || context.Database.CurrentTransaction is not null)
        {
            return save();
        }

        using var transaction = context.Database.BeginTransaction();
        var saved = save();
        transaction.Commit();
        return saved;
    }
}
