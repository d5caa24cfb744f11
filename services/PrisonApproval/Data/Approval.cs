using Visitation.Contracts.Events;

namespace Visitation.PrisonApproval.Data;

/// <summary>A bureau-approved application awaiting (or given) the visit centre's decision.</summary>
public sealed class Approval
{
    public Guid ApplicationId { get; set; }
    public string PrisonId { get; set; } = string.Empty;
    public ApplicationDetails Application { get; set; } = null!;
    public DateTimeOffset ReceivedAt { get; set; }
    public ApprovalStatus Status { get; set; }
    public string? InmateNumber { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? ReasonCode { get; set; }
    public string? Reason { get; set; }

    /// <summary>PostgreSQL's row version (xmin): two decisions racing cannot both be recorded.</summary>
    public uint Version { get; set; }
}

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}
