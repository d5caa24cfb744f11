using System.ComponentModel.DataAnnotations;

namespace Visitation.Messaging;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the dispatcher looks even without a signal (another instance may have committed).</summary>
    [PositiveDuration]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long one publish (or a timer's send) may wait for the broker's confirm before the round
    /// cancels it and retries in a later round. RabbitMQ's .NET client can leave a publish with
    /// confirms waiting for ever after the broker restarts (rabbitmq-dotnet-client #1928/#1930,
    /// seen under MassTransit 8.5); without a limit the round would hold the dispatch lock and no
    /// instance of the service would publish again.
    /// </summary>
    [PositiveDuration]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long sent rows are kept for inspection before the clean-up deletes them.</summary>
    [PositiveDuration]
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(2);

    [PositiveDuration]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}
