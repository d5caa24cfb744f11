using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// What the judicial-office clerk can check at the counter, before submitting and without any
/// information about the inmate: relations, visitor count, a guardian with the children, documents.
/// A failure here is refused on the spot and never enters the approval chain (RULES.md §6 step 1).
/// </summary>
public static class ClerkChecks
{
    public static IReadOnlyList<IClerkRule> Rules { get; } =
        [new RelationScopeRule(), new VisitorCountRule(), new GuardianPresentRule(), new DocumentsRule()];

    public static EligibilityResult Evaluate(VisitPolicy policy, VisitRequest request) =>
        EligibilityResult.From(Rules.SelectMany(rule => rule.Check(policy, request)));
}
