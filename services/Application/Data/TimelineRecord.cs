namespace Visitation.Application.Data;

/// <summary>One step in an application's life: which stage, what happened, when, by whom, why.</summary>
public sealed class TimelineRecord
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string Stage { get; set; } = string.Empty;
    public string Event { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = string.Empty;
    public string? ReasonCode { get; set; }
    public string? Detail { get; set; }
}
