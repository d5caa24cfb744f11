using System.Text.Json;
using RabbitMQ.Client;

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// Publishes a contract event onto the run's bus as a service's MassTransit outbox would (its exchange,
/// its JSON envelope), for what the fixture's services do not produce on demand: an SMS that fails for
/// good (the notification dispatcher retries a failing gateway for hours).
/// </summary>
internal static class BusEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task PublishAsync<T>(ConsoleSystem system, T message) where T : class
    {
        ArgumentNullException.ThrowIfNull(system);
        var type = typeof(T);
        var exchange = $"{type.Namespace}:{type.Name}";
        var envelope = new
        {
            messageId = Guid.NewGuid(),
            messageType = new[] { $"urn:message:{exchange}" },
            sentTime = RealClock.Clock.GetUtcNow(),
            message,
        };
        var cancel = TestContext.Current.CancellationToken;
        await using var connection = await new ConnectionFactory { Uri = system.Amqp }.CreateConnectionAsync(cancel);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancel);
        // As MassTransit declares it (durable fanout): the consumers' queues are bound to it.
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancel);
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true, MessageId = envelope.messageId.ToString() };
        await channel.BasicPublishAsync(exchange, string.Empty, mandatory: false, properties, JsonSerializer.SerializeToUtf8Bytes(envelope, Json), cancel);
    }
}
