using System.ComponentModel.DataAnnotations;

namespace Visitation.Messaging.Audit;

public sealed class AuditRelayOptions
{
    public const string Section = "AuditRelay";

    /// <summary>How often the relay looks for rows committed since its last round.</summary>
    [PositiveDuration]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows published per chain and round, each confirmed by the broker before the cursor moves past it.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How long one publish may wait for the broker's confirm (see <see cref="OutboxOptions.PublishTimeout"/>).</summary>
    [PositiveDuration]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
