using System.ComponentModel.DataAnnotations;

namespace Visitation.Messaging.Audit;

public sealed class AuditRelayOptions
{
    public const string Section = "AuditRelay";

    /// <summary>How often the relay looks for rows committed since its last round.</summary>
    [PositiveDuration]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most rows of a chain one round publishes, as one message the broker confirms before the
    /// cursor moves past them. An audit row is under a kilobyte as JSON (two 64-character hashes, ids
    /// and codes; an estimate from its fields, not a measurement), so the bound keeps a message under a megabyte.
    /// </summary>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How long one publish may wait for the broker's confirm (see <see cref="OutboxOptions.PublishTimeout"/>).</summary>
    [PositiveDuration]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
