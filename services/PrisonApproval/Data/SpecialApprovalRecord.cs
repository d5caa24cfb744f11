namespace Visitation.PrisonApproval.Data;

/// <summary>
/// An extra or a longer visit approved for a family event ([Y 四2], [N§5 ¶3]), with every level
/// that signed and who recorded it. Valid only in its month.
/// </summary>
public sealed class SpecialApprovalRecord
{
    public Guid Id { get; set; }
    public Guid InmateId { get; set; }

    /// <summary>extra_visit or longer_visit.</summary>
    public string Kind { get; set; } = string.Empty;

    public string Month { get; set; } = string.Empty;

    /// <summary>The approving levels (e.g. prison_area, prison_administration_section, prison_leadership).</summary>
    public List<string> ApprovedBy { get; set; } = [];

    /// <summary>The names of the signatories, as the paper approval shows them.</summary>
    public string Signatories { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;
    public string RecordedBy { get; set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; set; }
}
