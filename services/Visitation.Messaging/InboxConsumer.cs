using MassTransit;
using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Database;

namespace Visitation.Messaging;

/// <summary>
/// Base of every consumer: runs the handler, then saves its state change with the message's inbox
/// row and commits them with its outbox rows, all in one transaction. The inbox row travels in the
/// handler's last save (no round trip of its own): a message handled before fails on the row's key
/// and its transaction, the handler's second effect with it, is rolled back. A concurrent duplicate
/// waits on the key until the first commits, then fails on it the same way.
/// </summary>
/// <remarks>
/// A redelivered message's handler therefore runs before the key stops it: it must keep its effects
/// inside the transaction (state, <see cref="ServiceDbContext.Publish{TEvent}"/>, audit) and leave
/// what happens outside it — a metric — to <see cref="AfterCommit"/>. Where the handler itself fails
/// on the state the first delivery left (a step that no longer applies), the inbox is looked at
/// before the failure is let through, so a handled message is acknowledged, not retried.
/// </remarks>
public abstract class InboxConsumer<TMessage, TContext>(TContext db, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
    where TContext : ServiceDbContext
{
    private readonly List<Action> _afterCommit = [];

    protected TContext Db => db;

    protected TimeProvider Clock => clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var consumer = GetType().Name;
        var ct = context.CancellationToken;
        try
        {
            // Lost a race for a record with another message about it (events of one application arriving
            // together, as after a broker failover): decided again at once on what is there now, rather
            // than through the retry pipeline's waits.
            await db.RetryOnConflictAsync(token => AttemptAsync(context.Message, messageId, consumer, token), ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            db.ForgetPending();
            if (await HandledBeforeAsync(messageId, consumer, ct))
            {
                return; // already handled: acknowledge and change nothing
            }

            throw;
        }

        foreach (var action in _afterCommit)
        {
            action();
        }
    }

    /// <summary>One try: the handler, then the inbox row in its last save, committed together.</summary>
    private async Task<int> AttemptAsync(TMessage message, Guid messageId, string consumer, CancellationToken ct)
    {
        // A retry may reuse this scope's context: start from a clean slate, not the failed attempt's leftovers.
        db.ForgetPending();
        _afterCommit.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await HandleAsync(message, ct);
        db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ReceivedAt = clock.GetUtcNow() });
        var saved = await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return saved;
    }

    /// <summary>
    /// Applies the message to the service's state inside the inbox's transaction. It may save
    /// (to flush rows a later query of its own must see, or to take a row version) but never
    /// commits or opens a transaction: the base commits once, the inbox row with the effect.
    /// </summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="action"/> once the handler's transaction has committed, and not at all if it does not.</summary>
    protected void AfterCommit(Action action) => _afterCommit.Add(action);

    /// <summary>
    /// Whether the message's inbox row is there, committed by an earlier delivery. A look that fails
    /// (the database away) says no, so the original failure goes on to the retries.
    /// </summary>
    private async Task<bool> HandledBeforeAsync(Guid messageId, string consumer, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InboxMessages.AsNoTracking().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);
        }
        catch (Exception look) when (look is not OperationCanceledException)
        {
            return false;
        }
    }
}
