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

    /// <summary>How long sent rows are kept for inspection before the clean-up deletes them.</summary>
    [PositiveDuration]
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(2);

    [PositiveDuration]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}
