namespace Visitation.Application.Data;

/// <summary>A family's application as the judicial office filed it, and where it stands now.</summary>
public sealed class VisitApplication
{
    public Guid Id { get; set; }
    public string RequestId { get; set; } = string.Empty;
    public string OfficeId { get; set; } = string.Empty;
    public string CountyId { get; set; } = string.Empty;
    public string VenueId { get; set; } = string.Empty;
    public string PrisonId { get; set; } = string.Empty;
    public string InmateName { get; set; } = string.Empty;
    public string? PrisonArea { get; set; }
    public string VisitMonth { get; set; } = string.Empty;

    /// <summary>The family's preferred days of the month, in date order; empty when any day suits.</summary>
    public List<DateOnly> PreferredDates { get; set; } = [];

    /// <summary>"morning", "afternoon", or empty when any time suits.</summary>
    public string PreferredPartOfDay { get; set; } = string.Empty;

    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = string.Empty;
    public ApplicationStatus Status { get; set; }
    public Guid? VisitId { get; set; }
    public DateOnly? VisitDate { get; set; }
    public TimeOnly? VisitStart { get; set; }
    public int? VisitMinutes { get; set; }
    public List<ApplicationVisitor> Visitors { get; set; } = [];
    public List<TimelineRecord> Timeline { get; set; } = [];

    /// <summary>PostgreSQL's row version (xmin): two writers racing on one application cannot both win.</summary>
    public uint Version { get; set; }
}
