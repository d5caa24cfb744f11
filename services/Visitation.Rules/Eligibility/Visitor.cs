using Visitation.Rules.Identity;

namespace Visitation.Rules.Eligibility;

/// <summary>One person on a visit request.</summary>
/// <param name="Relation">Relation code to the inmate (spouse, father, ..., see <see cref="RelationNames"/>).</param>
/// <param name="Age">Full years on the day the request is made, computed by the caller from the ID (the documents are judged on it).</param>
/// <param name="IsGuardianOfChildren">Whether this visitor is the guardian of the children on the request.</param>
/// <param name="Documents">Documents presented, as <see cref="DocumentKinds"/> codes.</param>
/// <param name="Bars">Periods in which this visitor personally may not visit.</param>
/// <param name="BirthDate">From the ID number, where the caller has it: the age limits are then judged on the visit day
/// (<see cref="VisitAges"/>); without it, <paramref name="Age"/> stands for every day.</param>
public sealed record Visitor(
    string Relation,
    int Age,
    bool IsGuardianOfChildren,
    IReadOnlyList<string> Documents,
    IReadOnlyList<VisitorBar> Bars,
    DateOnly? BirthDate = null)
{
    /// <summary>Civil Code art. 17: adulthood at 18. Law, not provincial policy, hence a constant.</summary>
    public const int AdultAge = 18;

    public bool IsMinor => Age < AdultAge;

    /// <summary>Full years on <paramref name="day"/>; <see cref="Age"/> when the birth date is not known.</summary>
    public int AgeOn(DateOnly day) => BirthDate is { } birth && birth <= day ? ResidentIdNumber.AgeOn(birth, day) : Age;

    public bool Presented(string document) => Documents.Contains(document);
}
