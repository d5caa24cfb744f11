using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Database;

namespace Visitation.Messaging.Audit;

/// <summary>
/// The audit rows a context recorded, each with the transaction it was recorded in, until the
/// commit that writes them (<see cref="AuditCommitInterceptor"/>) takes them.
/// </summary>
public sealed class AuditBuffer : CommitRows<AuditEntry>
{
    /// <summary>A save of a context whose only rows written at the commit are its audit rows (<see cref="CommitRows.SaveAsync"/>).</summary>
    public Task<int> SaveAsync(DbContext context, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken) =>
        CommitRows.SaveAsync(context, !IsEmpty, save, cancellationToken);

    /// <inheritdoc cref="SaveAsync"/>
    public int Save(DbContext context, Func<int> save) => CommitRows.Save(context, !IsEmpty, save);
}
