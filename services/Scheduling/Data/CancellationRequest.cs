namespace Visitation.Scheduling.Data;

/// <summary>
/// Prison approval's request that an application not be visited from <see cref="From"/> to
/// <see cref="To"/> (a suspension, a transfer). Kept even when no visit exists yet, so that an
/// approval arriving later never books a day inside the range.
/// </summary>
public sealed class CancellationRequest
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public string ReasonCode { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The inmate status that asked, if one did: its early end narrows this range to end with it.</summary>
    public Guid? StatusId { get; set; }

    /// <summary>The status ended early on <paramref name="lastDay"/>: the range ends then too (never lengthened).</summary>
    public void EndOn(DateOnly lastDay)
    {
        if (To is not { } to || to > lastDay)
        {
            To = lastDay;
        }
    }

    public bool Covers(DateOnly date) => date >= From && (To is null || date <= To);
}
