using Visitation.Contracts.Events;

namespace Visitation.BureauReview.Data;

/// <summary>An application waiting for (or given) the county bureau's re-review (复审).</summary>
public sealed class Review
{
    public Guid ApplicationId { get; set; }
    public string CountyId { get; set; } = string.Empty;
    public string OfficeId { get; set; } = string.Empty;
    public ApplicationDetails Application { get; set; } = null!;
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The end of the bureau's review clock; past it, the application expires.</summary>
    public DateTimeOffset? DueBy { get; set; }

    /// <summary>The visit month's first day: an application whose month is over expires too.</summary>
    public DateOnly VisitMonthStart { get; set; }
    public ReviewStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? ReasonCode { get; set; }
    public string? Reason { get; set; }

    /// <summary>PostgreSQL's row version (xmin): an approval and a rejection racing cannot both be recorded.</summary>
    public uint Version { get; set; }
}

public enum ReviewStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
    Expired,
}
