using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Visitation.Messaging.Database;

namespace Visitation.Messaging;

/// <summary>
/// Second-level retry: a message that still fails after its immediate retries is not sent to
/// <c>_error</c> at once but scheduled to come back to its queue later (with the same message id),
/// up to <see cref="MessagingOptions.RedeliveryLimit"/> times with growing delays. Storing the
/// schedule and acknowledging the message happen in that order, so it is never in neither place.
/// </summary>
public sealed partial class DelayedRedeliveryFilter<TMessage>(ServiceDbContext db, IOptions<MessagingOptions> options, TimeProvider clock, ILogger<DelayedRedeliveryFilter<TMessage>> logger)
    : IFilter<ConsumeContext<TMessage>> where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception ex) when (ShouldRedeliver(context, ex))
        {
            var count = Redelivery.Count(context) + 1;
            var now = clock.GetUtcNow();
            var delay = options.Value.RedeliveryInterval * Math.Pow(2, count - 1);
            db.ForgetPending(); // drop whatever the failed attempt left tracked, published or audited
            db.ScheduledMessages.Add(ScheduledMessage.Create(context.Message, QueueName(context.ReceiveContext.InputAddress), now + delay, now, context.MessageId, count, ex.Message));
            await db.SaveChangesAsync(context.CancellationToken);
            // Tell MassTransit the message is taken care of; otherwise, with no consumer having
            // finished it and no fault left standing, it would be moved to the _skipped queue.
            await context.NotifyConsumed(context, TimeSpan.Zero, "delayed-redelivery");
            // An operator sees why a message came back minutes late (the reason is also on its row).
            LogPutBack(logger, typeof(TMessage).Name, context.MessageId, count, delay, Entities(ex), ex);
        }
    }

    /// <summary>The kinds of record a failed save was writing (names only, no values): where a lost race was.</summary>
    private static string Entities(Exception exception) => exception is Microsoft.EntityFrameworkCore.DbUpdateException update
        ? string.Join(", ", update.Entries.Select(e => $"{e.Metadata.ClrType.Name} {e.State}"))
        : "";

    [LoggerMessage(2101, LogLevel.Warning, "{MessageType} {MessageId} failed after its immediate retries; put back for redelivery {Redelivery} in {Delay} ({Entities})")]
    private static partial void LogPutBack(ILogger logger, string messageType, Guid? messageId, int redelivery, TimeSpan delay, string entities, Exception exception);

    public void Probe(ProbeContext context) => context.CreateFilterScope("delayedRedelivery");

    private bool ShouldRedeliver(ConsumeContext<TMessage> context, Exception exception) =>
        context.MessageId is not null
        && exception is not ArgumentException and not OperationCanceledException
        && !TransientFaults.IsServerAway(exception) // the database is away: the schedule could not be stored either
        && Redelivery.Count(context) < (TransientFaults.IsPrerequisiteMissing(exception) ? options.Value.PrerequisiteRedeliveryLimit : options.Value.RedeliveryLimit);

    private static string QueueName(Uri inputAddress) => inputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
}

/// <summary>The redelivery count travels in a header of the message sent back to its queue.</summary>
public static class Redelivery
{
    public const string CountHeader = "Visitation-Redelivery-Count";

    public static int Count(ConsumeContext context) => context.Headers.Get<int>(CountHeader) ?? 0;
}
