namespace Visitation.Contracts.Events;

/// <summary>A visitor as the reviewing stages must see them to confirm identity and relationship.</summary>
public sealed record VisitorDetails(
    string Name,
    string IdNumber,
    string Relation,
    int Age,
    IReadOnlyList<string> Documents,
    bool IsGuardianOfChildren = false);
