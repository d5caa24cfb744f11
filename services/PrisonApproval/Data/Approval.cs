using Visitation.Contracts.Events;
using Visitation.Rules.Eligibility;

namespace Visitation.PrisonApproval.Data;

/// <summary>A bureau-approved application awaiting (or given) the visit centre's decision.</summary>
public sealed class Approval
{
    public Guid ApplicationId { get; set; }
    public string PrisonId { get; set; } = string.Empty;

    /// <summary>Copied out of <see cref="Application"/> so a change to an inmate finds their pending applications.</summary>
    public string InmateName { get; set; } = string.Empty;

    /// <summary>The visit month's first day, copied out too: the review clock expires applications whose month is over.</summary>
    public DateOnly VisitMonthStart { get; set; }

    public ApplicationDetails Application { get; set; } = null!;
    public DateTimeOffset ReceivedAt { get; set; }
    public ApprovalStatus Status { get; set; }
    public string? InmateNumber { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? ReasonCode { get; set; }
    public string? Reason { get; set; }

    /// <summary>Every rule the application failed when it was refused (the first one is <see cref="ReasonCode"/>).</summary>
    public List<RuleFailure> Failures { get; set; } = [];

    /// <summary>The end of the visit centre's review clock; past it, the application expires.</summary>
    public DateTimeOffset? DueBy { get; set; }

    /// <summary>PostgreSQL's row version (xmin): two decisions racing cannot both be recorded.</summary>
    public uint Version { get; set; }
}

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
    Expired,
}
