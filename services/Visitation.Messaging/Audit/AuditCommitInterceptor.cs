using System.Data.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Visitation.Messaging.Audit;

/// <summary>
/// Writes the audit rows a context collected (<see cref="IAuditedContext.Audit"/>) as the last
/// statement of the transaction, just before its commit: if the insert fails the commit does not
/// happen and the change it records rolls back with it. Inserting at the commit rather than with the
/// other rows keeps the audit lock (<see cref="AuditLock"/>) off every row lock. Each row gets the
/// service clock's time and, for a person, the client id of the token they called with.
/// </summary>
public sealed class AuditCommitInterceptor(TimeProvider clock, IHttpContextAccessor http) : DbTransactionInterceptor
{
    /// <summary>The token claim naming the client (application) the caller signed in through (OAuth 2.0's <c>client_id</c>).</summary>
    public const string ClientIdClaim = "client_id";

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        foreach (var command in InsertCommands(transaction, eventData))
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
        foreach (var command in InsertCommands(transaction, eventData))
        {
            using (command)
            {
                command.ExecuteNonQuery();
            }
        }

        return result;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private static void Forget(TransactionEndEventData eventData) => (eventData.Context as IAuditedContext)?.PendingAudit.Take();

    /// <summary>
    /// The inserts of the transaction's rows: one statement for up to <see cref="AuditInsert.RowsPerStatement"/>
    /// rows (a statement takes at most 65,535 parameters), so a transaction auditing more — a large
    /// import's rows — takes a few, one after another, never one PostgreSQL refuses. Made one at a
    /// time, as the loop runs, so that each is disposed after it ran.
    /// </summary>
    private IEnumerable<DbCommand> InsertCommands(DbTransaction transaction, TransactionEventData eventData)
    {
        if (eventData.Context is not IAuditedContext context || context.PendingAudit.Take(eventData.TransactionId) is not { Count: > 0 } entries)
        {
            yield break;
        }

        var now = clock.GetUtcNow();
        var clientId = http.HttpContext?.User.FindFirstValue(ClientIdClaim);
        foreach (var chunk in entries.Chunk(AuditInsert.RowsPerStatement))
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = AuditInsert.Sql(chunk.Length);
            foreach (var entry in chunk)
            {
                var actor = entry.Actor.IsSystem || entry.Actor.ClientId is not null ? entry.Actor : entry.Actor with { ClientId = clientId };
                AuditInsert.AddParameters(command, entry with { Actor = actor }, now);
            }

            yield return command;
        }
    }
}
