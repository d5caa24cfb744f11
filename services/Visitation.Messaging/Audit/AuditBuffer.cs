using Microsoft.EntityFrameworkCore;

namespace Visitation.Messaging.Audit;

/// <summary>
/// The audit rows a context recorded, each with the transaction it was recorded in, until the
/// commit that writes them (<see cref="AuditCommitInterceptor"/>) takes them.
/// </summary>
public sealed class AuditBuffer
{
    private List<(Guid? Transaction, AuditEntry Entry)> _pending = [];

    public bool IsEmpty => _pending.Count == 0;

    public void Add(DbContext context, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entry);
        _pending.Add((context.Database.CurrentTransaction?.TransactionId, entry));
    }

    /// <summary>
    /// The rows the committing transaction is to write, handed over once: those recorded inside it
    /// or before any transaction. A row recorded inside another transaction is dropped: that one
    /// ended without committing (a transaction disposed uncommitted raises no rollback event).
    /// Called without a transaction, it drops every row (the change they recorded did not happen).
    /// </summary>
    public List<AuditEntry> Take(Guid? committing = null)
    {
        var pending = _pending;
        _pending = [];
        return [.. pending.Where(p => p.Transaction is null || p.Transaction == committing).Select(p => p.Entry)];
    }

    /// <summary>
    /// A save with audit rows runs in a transaction even when it changes nothing else (a read's
    /// audit, a sign-in's row) or one row: the rows are written at the commit, so there must be one.
    /// </summary>
    public async Task<int> SaveAsync(DbContext context, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(save);
        if (IsEmpty || context.Database.CurrentTransaction is not null)
        {
            return await save(cancellationToken);
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var saved = await save(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    /// <inheritdoc cref="SaveAsync"/>
    public int Save(DbContext context, Func<int> save)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(save);
        if (IsEmpty || context.Database.CurrentTransaction is not null)
        {
            return save();
        }

        using var transaction = context.Database.BeginTransaction();
        var saved = save();
        transaction.Commit();
        return saved;
    }
}
