using MassTransit;
using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Database;

namespace Visitation.Messaging;

/// <summary>
/// Base of every consumer: records the message id in the inbox, runs the handler and saves its
/// state change and outbox rows, all in one transaction. A redelivered or duplicated message
/// finds its inbox row and changes nothing; a concurrent duplicate waits on the row's key and
/// then finds it.
/// </summary>
public abstract class InboxConsumer<TMessage, TContext>(TContext db, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
    where TContext : ServiceDbContext
{
    protected TContext Db => db;

    protected TimeProvider Clock => clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var consumer = GetType().Name;
        var ct = context.CancellationToken;
        // A retry may reuse this scope's context: start from a clean slate, not the failed attempt's leftovers.
        db.ForgetPending();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, received_at) VALUES ({messageId}, {consumer}, {now}) ON CONFLICT DO NOTHING",
            ct);
        if (inserted == 0)
        {
            return; // already handled: acknowledge and change nothing
        }

        await HandleAsync(context.Message, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Applies the message to the service's state inside the inbox's transaction. It may save
    /// (to flush rows a later query of its own must see, or to take a row version) but never
    /// commits or opens a transaction: the base commits once, the inbox row with the effect.
    /// </summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
