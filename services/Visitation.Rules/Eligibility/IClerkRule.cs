using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// A rule that needs only the request, so the judicial-office clerk can run it at the counter before
/// anything is submitted (RULES.md §6 step 1). The engine runs the same instances.
/// </summary>
public interface IClerkRule : IEligibilityRule
{
    IEnumerable<RuleFailure> Check(VisitPolicy policy, VisitRequest request);

    IEnumerable<RuleFailure> IEligibilityRule.Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Check(context.Policy, context.Request);
    }
}
