using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>A child under the policy's age on the visit day (<see cref="VisitAges"/>) must come with their guardian ([Y 五(四)]).</summary>
/// <remarks>
/// [Y 五(四)] speaks of the inmate's own children; we apply it to every child on the request (a
/// grandchild is no safer alone). The guardian must be an adult on the same request who is marked
/// as the children's guardian. One failure per request: the fix, bringing the guardian, is one.
/// </remarks>
public sealed class GuardianPresentRule : IClerkRule
{
    public IEnumerable<RuleFailure> Check(VisitPolicy policy, VisitRequest request)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(request);
        var window = DateWindow.Of(request);
        var hasChild = request.Visitors.Any(v => VisitAges.NeedsGuardian(v, window, policy.GuardianRequiredUnderAge));
        var hasGuardian = request.Visitors.Any(v => v.IsGuardianOfChildren && VisitAges.AdultThroughout(v, window));
        if (hasChild && !hasGuardian)
            yield return new RuleFailure(
                RuleCodes.ChildWithoutGuardian,
                $"不满{policy.GuardianRequiredUnderAge}周岁的未成年人会见须由其监护人陪同。",
                policy.SourceOf(RuleCodes.ChildWithoutGuardian));
    }
}
