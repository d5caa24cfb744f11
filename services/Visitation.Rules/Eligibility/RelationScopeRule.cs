using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>Every visitor must be a relative or guardian the province admits ([NC§3], [N§4], [Y 五(二)]).</summary>
public sealed class RelationScopeRule : IClerkRule
{
    public IEnumerable<RuleFailure> Check(VisitPolicy policy, VisitRequest request)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(request);
        for (var i = 0; i < request.Visitors.Count; i++)
        {
            var visitor = request.Visitors[i];
            if (!policy.AllowedRelations.Contains(RelationKinship.AsCounted(visitor.Relation)))
                yield return new RuleFailure(
                    RuleCodes.RelationNotInScope,
                    $"{RelationNames.Describe(i, visitor)}不在可会见的亲属范围内。",
                    policy.SourceOf(RuleCodes.RelationNotInScope));
        }
    }
}
