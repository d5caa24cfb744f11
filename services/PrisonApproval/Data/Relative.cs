namespace Visitation.PrisonApproval.Data;

/// <summary>
/// A visitor whose relationship to the inmate the visit centre has confirmed [N§7 ¶2]; a later
/// application by the same person is recognised instead of being checked from scratch. Known by
/// the visitor key (the shared blind index of the ID number, docs/data-minimisation.md): this service
/// never receives a relative's full ID number, so it keeps none.
/// </summary>
public sealed class Relative
{
    public Guid Id { get; set; }
    public Guid InmateId { get; set; }
    public string VisitorKey { get; set; } = string.Empty;
    public string IdNumberMasked { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Relation { get; set; } = string.Empty;
    public Guid FirstApplicationId { get; set; }
    public string ConfirmedBy { get; set; } = string.Empty;
    public DateTimeOffset ConfirmedAt { get; set; }
}
