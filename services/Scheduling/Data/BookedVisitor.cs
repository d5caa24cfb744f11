namespace Visitation.Scheduling.Data;

/// <summary>
/// A visitor the prison approved for the visit, as <c>PrisonApproved</c> carried them: what the venue
/// needs to check the family in at the door — the name and masked number it shows its staff, and the
/// visitor key it compares a typed or scanned ID number with (docs/console-venue.md). No full number.
/// </summary>
public sealed class BookedVisitor
{
    public string Name { get; set; } = string.Empty;
    public string IdNumberMasked { get; set; } = string.Empty;
    public string VisitorKey { get; set; } = string.Empty;
    public string Relation { get; set; } = string.Empty;
    public int Age { get; set; }

    public BookedVisitor Copy() => (BookedVisitor)MemberwiseClone();
}
