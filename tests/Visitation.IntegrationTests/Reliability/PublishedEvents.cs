using RabbitMQ.Client;
using Visitation.Contracts.Events;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// One more subscriber to every event the services publish: a queue of the test's own, bound to
/// the exchange MassTransit publishes each contract type to (<c>Namespace:TypeName</c>). A service
/// publishes one event at a time and waits for the broker's confirm, so the queue holds each
/// service's events in the order they were published, duplicates included.
/// </summary>
internal sealed class PublishedEvents : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private PublishedEvents(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    /// <summary>Starts recording; only events published from now on are seen.</summary>
    public static async Task<PublishedEvents> RecordAsync(Uri amqp)
    {
        var connection = await new ConnectionFactory { Uri = amqp, ClientProvidedName = "visitation-tests-published-events" }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
        // Every type of the events namespace, the few value types among them too: an exchange nobody
        // publishes to costs nothing in the run's own virtual host. Declared as MassTransit declares them.
        // The audit's events aside: the audit relay publishes them from the audit table, not from an outbox.
        Type[] audit = [typeof(AuditRecorded), typeof(AuditRowsRecorded)];
        foreach (var type in typeof(ApplicationSubmitted).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(ApplicationSubmitted).Namespace && !audit.Contains(t)))
        {
            var exchange = $"{type.Namespace}:{type.Name}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, string.Empty);
        }

        return new PublishedEvents(connection, channel, queue);
    }

    /// <summary>The message ids received since the last call, in the order the broker queued them.</summary>
    public async Task<IReadOnlyList<Guid>> TakeAsync()
    {
        var ids = new List<Guid>();
        while (await _channel.BasicGetAsync(_queue, autoAck: true) is { } message)
        {
            ids.Add(Guid.Parse(message.BasicProperties.MessageId ?? throw new InvalidOperationException($"A message on {message.Exchange} has no message id.")));
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
