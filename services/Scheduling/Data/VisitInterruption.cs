namespace Visitation.Scheduling.Data;

/// <summary>An unexpected break in a visit's call, with where it came from [N§15].</summary>
public sealed class VisitInterruption
{
    public Guid Id { get; set; }
    public Guid VisitId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Cause { get; set; } = string.Empty;
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = string.Empty;
    public DateTimeOffset? ResumedAt { get; set; }
}
