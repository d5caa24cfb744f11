namespace Visitation.Rules.Eligibility;

/// <summary>
/// A dated status on an inmate that suspends visits (RULES.md §5), e.g. confinement from the 3rd to
/// the 17th. Both ends are inclusive days; <paramref name="To"/> null means it has no end yet.
/// </summary>
/// <param name="Kind">One of <see cref="StatusKinds"/>; an unknown kind is treated as <c>other</c>.</param>
/// <param name="Reason">Free text, shown to the family for <c>other</c> where no standard wording exists.</param>
public sealed record StatusPeriod(string Kind, DateOnly From, DateOnly? To, string Reason)
{
    /// <summary>True when the period covers at least one day of <paramref name="window"/>.</summary>
    public bool Overlaps(DateWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return From <= window.To && (To is not { } end || end >= window.From);
    }
}
