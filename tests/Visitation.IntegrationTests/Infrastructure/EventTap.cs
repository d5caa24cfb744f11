using System.Text;
using RabbitMQ.Client;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// A queue of the test's own bound to every event exchange of the contracts (MassTransit names an
/// event's fanout exchange after its type, e.g. <c>Visitation.Contracts.Events:ApplicationSubmitted</c>):
/// a copy of every event published while it is open, body as the broker carried it. Exclusive, so
/// it goes with its connection.
/// </summary>
public sealed class EventTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private EventTap(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    /// <summary>Every event type of the contracts: the records of <c>Visitation.Contracts.Events</c>.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } =
        [.. typeof(Contracts.Events.ApplicationSubmitted).Assembly.GetTypes()
            .Where(t => t.Namespace == "Visitation.Contracts.Events" && t.IsPublic && !t.IsSubclassOf(typeof(Attribute)) && t.GetMethod("<Clone>$") is not null)];

    public static async Task<EventTap> OpenAsync(Uri amqp)
    {
        var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync(TestContext.Current.CancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: TestContext.Current.CancellationToken)).QueueName;
        foreach (var type in EventTypes)
        {
            var exchange = $"{type.Namespace}:{type.Name}";
            // As MassTransit declares it (durable fanout), so whichever side comes first, both agree.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: TestContext.Current.CancellationToken);
            await channel.QueueBindAsync(queue, exchange, string.Empty, cancellationToken: TestContext.Current.CancellationToken);
        }

        return new EventTap(connection, channel, queue);
    }

    /// <summary>The events captured since the last call (taken off the tap's queue).</summary>
    public async Task<IReadOnlyList<TappedEvent>> TakeAsync()
    {
        var taken = new List<TappedEvent>();
        while (await _channel.BasicGetAsync(_queue, autoAck: true, TestContext.Current.CancellationToken) is { } message)
        {
            taken.Add(new TappedEvent(message.Exchange, Encoding.UTF8.GetString(message.Body.Span), new BasicProperties(message.BasicProperties)));
        }

        return taken;
    }

    /// <summary>Deletes the tap's queue (nothing more is captured), keeping its channel to publish on.</summary>
    public async Task StopListeningAsync() => await _channel.QueueDeleteAsync(_queue, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>
    /// Publishes a captured event again to its exchange, body and properties as they were: to its
    /// consumers a redelivery of the same message (the same MassTransit message id in the envelope).
    /// </summary>
    public async Task RepublishAsync(TappedEvent tapped)
    {
        ArgumentNullException.ThrowIfNull(tapped);
        await _channel.BasicPublishAsync(tapped.Exchange, string.Empty, mandatory: false, tapped.Properties, Encoding.UTF8.GetBytes(tapped.Body), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>One captured event: the exchange it was published to (its type), the body and the properties as carried.</summary>
public sealed record TappedEvent(string Exchange, string Body, BasicProperties Properties)
{
    /// <summary>Whether its type is marked as carrying personal data (its sent outbox body is cleared).</summary>
    public bool CarriesPersonalData => EventTap.EventTypes.Any(t => Exchange == $"{t.Namespace}:{t.Name}" && t.IsDefined(typeof(Contracts.Events.CarriesPersonalDataAttribute), inherit: false));

    public bool Is<TEvent>() => Exchange == $"{typeof(TEvent).Namespace}:{typeof(TEvent).Name}";
}
