namespace Visitation.Rules.Eligibility;

/// <summary>One person on a visit request.</summary>
/// <param name="Relation">Relation code to the inmate (spouse, father, ..., see <see cref="RelationNames"/>).</param>
/// <param name="Age">Full years on the visit day (or the first day of the month), computed by the caller from the ID.</param>
/// <param name="IsGuardianOfChildren">Whether this visitor is the guardian of the children on the request.</param>
/// <param name="Documents">Documents presented, as <see cref="DocumentKinds"/> codes.</param>
/// <param name="Bars">Periods in which this visitor personally may not visit.</param>
public sealed record Visitor(
    string Relation,
    int Age,
    bool IsGuardianOfChildren,
    IReadOnlyList<string> Documents,
    IReadOnlyList<VisitorBar> Bars)
{
    /// <summary>Civil Code art. 17: adulthood at 18. Law, not provincial policy, hence a constant.</summary>
    public const int AdultAge = 18;

    public bool IsMinor => Age < AdultAge;

    public bool Presented(string document) => Documents.Contains(document);
}
