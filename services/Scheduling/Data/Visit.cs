namespace Visitation.Scheduling.Data;

/// <summary>
/// A video visit: one prison terminal and one venue terminal held from <see cref="Start"/> to
/// <see cref="BlockedUntil"/> (the visit plus changeover). A proposal holds its slot until
/// <see cref="HoldExpiresAt"/>; once the visit centre confirms, it is scheduled.
/// </summary>
public sealed class Visit
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string PrisonId { get; set; } = string.Empty;
    public string PrisonArea { get; set; } = string.Empty;
    public string VenueId { get; set; } = string.Empty;
    public string CountyId { get; set; } = string.Empty;
    public string InmateName { get; set; } = string.Empty;

    /// <summary>The inmate's register number: every outcome of the visit names it, so prison approval can book quota and penalties.</summary>
    public string InmateNumber { get; set; } = string.Empty;
    public string VisitMonth { get; set; } = string.Empty;
    public DateOnly EarliestDate { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public int Minutes { get; set; }
    public TimeOnly BlockedUntil { get; set; }
    public string PrisonTerminal { get; set; } = string.Empty;
    public string VenueTerminal { get; set; } = string.Empty;
    public VisitStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset HoldExpiresAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>PostgreSQL's row version (xmin): a confirmation, a move and a withdrawal racing cannot overwrite each other.</summary>
    public uint Version { get; set; }
}

public enum VisitStatus
{
    Proposed,
    Scheduled,
    Cancelled,
}
