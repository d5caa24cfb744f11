using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// A wire tap on one event type: a private queue bound to the exchange MassTransit publishes that
/// type to, counting every copy of every message id that went over the broker — so a test can see
/// a duplicate publish that the consumers then absorbed.
/// </summary>
public sealed class BrokerTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentDictionary<string, int> _copies = new();

    private BrokerTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Copies of each message id seen so far.</summary>
    public IReadOnlyDictionary<string, int> Copies => _copies;

    public static async Task<BrokerTap> StartAsync<TEvent>(Uri amqp)
    {
        var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var tap = new BrokerTap(connection, channel);
        var queue = await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true);
        // MassTransit's publish topology: one fanout exchange per message type, named Namespace:Type.
        await channel.QueueBindAsync(queue.QueueName, $"{typeof(TEvent).Namespace}:{typeof(TEvent).Name}", routingKey: "");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            tap._copies.AddOrUpdate(delivery.BasicProperties.MessageId ?? "(none)", 1, (_, n) => n + 1);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return tap;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
