namespace Visitation.Rules.Eligibility;

/// <summary>
/// A period during which one visitor personally may not visit (e.g. after disrupting a visit),
/// independent of the inmate's own status. Both ends inclusive; <paramref name="To"/> null: open-ended.
/// </summary>
public sealed record VisitorBar(DateOnly From, DateOnly? To, string Reason)
{
    public bool Overlaps(DateWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return From <= window.To && (To is not { } end || end >= window.From);
    }
}
