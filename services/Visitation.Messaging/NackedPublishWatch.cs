using System.Diagnostics;
using MassTransit;
using MassTransit.RabbitMqTransport;
using MassTransit.RabbitMqTransport.Configuration;
using MassTransit.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using BrokerNack = RabbitMQ.Client.Exceptions.PublishException;

namespace Visitation.Messaging;

/// <summary>
/// Replaces the channel the bus publishes on once the broker has nacked <see cref="NacksInARow"/> publishes
/// in a row with no confirm between them (issue 17; docs/delivery-guarantees.md, "Failover").
/// <para>
/// Why: on RabbitMQ 3.10.8 a channel opened during a quorum queue's leader election nacked every publish for
/// minutes, and a new channel did not (shared/design/LOCAL-INFRA.md). MassTransit 8.5 retries a nacked publish
/// (<c>RabbitMqConnectionException</c>, a <c>ConnectionException</c>, is in its send retry policy) but over the
/// same channel: the fault disposes only the send transport's wrapper (<c>PipeContextSupervisor.Send</c> →
/// <c>ActivePipeContext.Faulted</c> disposes the <c>SharedChannelContext</c>), while the channel itself stays
/// cached in the bus endpoint's <c>ChannelContextSupervisor</c>, which hands it out again to every publish and
/// timer of the service and drops it only when the channel or its connection shuts down
/// (<c>ChannelContextFactory</c>'s shutdown handlers). Seen on the broker: one channel took every retry for
/// 100 s and was never closed (<c>NackedPublishTests</c> without this watch).
/// </para>
/// <para>
/// How: no public API of MassTransit 8.5 reaches that channel supervisor or the channel; the connection's
/// supervisor is public (<see cref="IRabbitMqHostConfiguration.ConnectionContextSupervisor"/>, through
/// <see cref="IBusInstance.HostConfiguration"/>). Closing the connection makes MassTransit drop every channel
/// on it and open new ones on a new connection for the next publish — what it does after a broker restart.
/// The price, paid only when the publish channel is already failing: consumers reconnect, and the deliveries
/// they had not acknowledged come again (the inboxes absorb them). At most once per <see cref="MinimumInterval"/>,
/// so that a broker that nacks whatever channel it is given does not keep the consumers away.
/// </para>
/// Every send and publish of a service goes through the bus (the outbox, its timers, the audit relay), on
/// that one channel, so one count serves; MassTransit reports a publish to publish observers and a send to
/// send observers, so the watch is both. A returned (unroutable) message is not a nack and is not counted.
/// </summary>
internal sealed partial class NackedPublishWatch(IServiceProvider services, ILogger<NackedPublishWatch> logger) : ISendObserver, IPublishObserver
{
    public const int NacksInARow = 3;

    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(30);

    private int _nacks;
    private int _replacing;
    private long _lastReplaced = long.MinValue;

    public Task PreSend<T>(SendContext<T> context) where T : class => Task.CompletedTask;

    public Task PostSend<T>(SendContext<T> context) where T : class => Confirmed();

    public Task SendFault<T>(SendContext<T> context, Exception exception) where T : class => Faulted(exception);

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class => Confirmed();

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Faulted(exception);

    /// <summary>The broker confirmed a publish or send: the channel works.</summary>
    private Task Confirmed()
    {
        Interlocked.Exchange(ref _nacks, 0);
        return Task.CompletedTask;
    }

    private Task Faulted(Exception exception)
    {
        if (IsNack(exception)
            && Interlocked.Increment(ref _nacks) >= NacksInARow
            && IntervalPassed()
            && Interlocked.CompareExchange(ref _replacing, 1, 0) == 0)
        {
            if (!IntervalPassed())
            {
                // Another fault won the race and replaced the connection since this one looked.
                Interlocked.Exchange(ref _replacing, 0);
                return Task.CompletedTask;
            }

            var nacks = Interlocked.Exchange(ref _nacks, 0);
            Interlocked.Exchange(ref _lastReplaced, Stopwatch.GetTimestamp());
            // Not inside the failing send: it is MassTransit's, holding the channel being replaced.
            _ = Task.Run(() => ReplaceAsync(nacks));
        }

        return Task.CompletedTask;
    }

    private bool IntervalPassed() =>
        Interlocked.Read(ref _lastReplaced) == long.MinValue || Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastReplaced)) >= MinimumInterval;

    /// <summary>What MassTransit 8.5 throws when the broker nacks a publish it awaited the confirm of (RabbitMqChannelContext.BasicPublishAsync).</summary>
    internal static bool IsNack(Exception exception) =>
        exception is RabbitMqConnectionException { InnerException: BrokerNack { IsReturn: false } };

    private async Task ReplaceAsync(int nacks)
    {
        try
        {
            var host = (IRabbitMqHostConfiguration)services.GetRequiredService<IBusInstance>().HostConfiguration;
            // The supervisor hands over its current connection, or opens one. Should MassTransit have
            // replaced the nacking one meanwhile, this closes a healthy connection: one more round of
            // reconnecting consumers, no more (at most once per MinimumInterval).
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.ConnectionContextSupervisor.Send(new CloseConnection(), limit.Token);
            LogReplaced(logger, nacks);
        }
        catch (Exception ex)
        {
            // The next nacks try again; meanwhile the outbox keeps its rows.
            LogReplaceFailed(logger, ex);
        }
        finally
        {
            Interlocked.Exchange(ref _replacing, 0);
        }
    }

    /// <summary>
    /// Closes the connection MassTransit holds; its connection factory stops the context on any shutdown of it
    /// (ConnectionContextFactory.HandleShutdown), so the next use opens a new connection and new channels.
    /// </summary>
    private sealed class CloseConnection : IPipe<ConnectionContext>
    {
        public Task Send(ConnectionContext context) =>
            context.Connection.CloseAsync(Constants.ReplySuccess, "the broker kept nacking publishes on a channel of this connection", context.CancellationToken);

        public void Probe(ProbeContext context) => context.CreateFilterScope("closeConnection");
    }

    [LoggerMessage(2010, LogLevel.Warning, "The broker nacked {Nacks} publishes in a row: the connection was closed, so the next publish goes over a new channel")]
    private static partial void LogReplaced(ILogger logger, int nacks);

    [LoggerMessage(2011, LogLevel.Error, "The broker keeps nacking publishes and the connection could not be closed to replace the channel")]
    private static partial void LogReplaceFailed(ILogger logger, Exception exception);
}
