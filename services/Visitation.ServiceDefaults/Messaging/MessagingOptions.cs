namespace Visitation.ServiceDefaults.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Messages fetched ahead per consumer endpoint.</summary>
    public int PrefetchCount { get; set; } = 16;

    /// <summary>Messages handled at once per consumer endpoint.</summary>
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>Immediate retries with exponential back-off for transient faults, before the error queue.</summary>
    public int RetryLimit { get; set; } = 6;

    public bool QuorumQueues { get; set; } = true;
}
