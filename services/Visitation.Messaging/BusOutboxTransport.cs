using System.Diagnostics;
using System.Text.Json;
using MassTransit;

namespace Visitation.Messaging;

/// <summary>The dispatcher's rows on their way to RabbitMQ through MassTransit.</summary>
internal sealed class BusOutboxTransport(IBus bus) : IOutboxTransport
{
    private static readonly ActivitySource Source = new(OutboxMetrics.MeterName);

    public async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = MessageJson.ResolveType(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type, MessageJson.Options)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");
        // Continue the trace of the request that caused the event; an event about an application, in
        // the application's own trace (docs/tracing.md), whichever request or round wrote it.
        using var activity = Tracing.ApplicationTrace.ApplicationIdOf(message) is { } applicationId
            ? Tracing.ApplicationTrace.Start("outbox publish", applicationId, ActivityKind.Producer, row.TraceParent)
            : row.TraceParent is null
                ? Source.StartActivity("outbox publish", ActivityKind.Producer)
                : Source.StartActivity("outbox publish", ActivityKind.Producer, row.TraceParent);
        activity?.SetTag("messaging.message.id", row.MessageId);
        activity?.SetTag("messaging.message.type", row.MessageType);
        // MassTransit's RabbitMQ transport waits for the broker's publisher confirm before returning.
        await bus.Publish(message, type, context => context.MessageId = row.MessageId, cancellationToken);
    }

    public async Task SendAsync(ScheduledMessage row, CancellationToken cancellationToken)
    {
        var type = MessageJson.ResolveType(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type, MessageJson.Options)
            ?? throw new InvalidOperationException($"Scheduled message {row.Id} has an empty body.");
        // Through the endpoint's own exchange (same name, bound to its queue): sending to the queue
        // address would re-declare a quorum queue with classic arguments, which the broker refuses.
        var endpoint = await bus.GetSendEndpoint(new Uri($"exchange:{row.Destination}"));
        // A timer about an application fires inside the application's trace.
        using var activity = Tracing.ApplicationTrace.ApplicationIdOf(message) is { } applicationId
            ? Tracing.ApplicationTrace.Start("timer fired", applicationId, ActivityKind.Producer)
            : null;
        await endpoint.Send(message, type, context =>
        {
            context.MessageId = row.MessageId;
            context.Headers.Set(Redelivery.CountHeader, row.Redeliveries);
        }, cancellationToken);
    }
}
