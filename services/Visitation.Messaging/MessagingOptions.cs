using System.ComponentModel.DataAnnotations;

namespace Visitation.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Messages fetched ahead per consumer endpoint.</summary>
    [Range(1, 10_000)]
    public int PrefetchCount { get; set; } = 16;

    /// <summary>Messages handled at once per consumer endpoint.</summary>
    [Range(1, 1_000)]
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>Immediate retries with exponential back-off for transient faults, before the error queue.</summary>
    [Range(0, 100)]
    public int RetryLimit { get; set; } = 6;

    /// <summary>Retries of a transient fault (a server away), with exponential intervals capped at <see cref="TransientRetryMaxInterval"/>.</summary>
    [Range(0, 1_000)]
    public int TransientRetryLimit { get; set; } = 12;

    [PositiveDuration]
    public TimeSpan TransientRetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delayed redeliveries after the immediate retries, before the _error queue.</summary>
    [Range(0, 100)]
    public int RedeliveryLimit { get; set; } = 3;

    /// <summary>
    /// Redeliveries for a message whose prerequisite has not arrived yet (an event about an
    /// application this service has not heard of): more than for a plain fault, since waiting
    /// normally cures it — after a broker restart the earlier event can be seconds behind.
    /// </summary>
    [Range(0, 100)]
    public int PrerequisiteRedeliveryLimit { get; set; } = 6;

    /// <summary>Delay before the first redelivery; each next one waits twice as long.</summary>
    [PositiveDuration]
    public TimeSpan RedeliveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool QuorumQueues { get; set; } = true;
}
