namespace Visitation.PrisonApproval.Data;

/// <summary>
/// A person who may not visit anyone in this prison for a period ([Y 八1], [NC§8]): the relative
/// who recorded a call, or who gave a false relationship. Keyed by resident ID number, which is
/// encrypted at rest; applications find the bar through its blind index, the visitor key
/// (<see cref="Visitation.Contracts.Events.VisitorDetails.VisitorKey"/>).
/// </summary>
public sealed class BarredVisitor
{
    public Guid Id { get; set; }
    public string PrisonId { get; set; } = string.Empty;
    public string IdNumber { get; set; } = string.Empty;
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public string Reason { get; set; } = string.Empty;
    public string SetBy { get; set; } = string.Empty;
    public DateTimeOffset SetAt { get; set; }
}
