namespace Visitation.Rules.Eligibility;

/// <summary>
/// Inmates in the restricted crime categories may be visited only by the narrower circle ([Y 五(三)]).
/// </summary>
/// <remarks>
/// Only relations inside the general scope are checked here: someone outside it already fails
/// <see cref="RelationScopeRule"/>, and one reason per visitor is enough.
/// </remarks>
public sealed class RestrictedRelationRule : IEligibilityRule
{
    public IEnumerable<RuleFailure> Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var policy = context.Policy;
        if (!context.Inmate.CrimeCategories.Any(policy.RestrictedCrimeCategories.Contains))
            yield break;
        var visitors = context.Request.Visitors;
        for (var i = 0; i < visitors.Count; i++)
        {
            var relation = RelationKinship.AsCounted(visitors[i].Relation);
            if (policy.AllowedRelations.Contains(relation) && !policy.RestrictedRelations.Contains(relation))
                yield return new RuleFailure(
                    RuleCodes.RelationRestrictedByCrime,
                    $"根据罪犯所犯罪名，{RelationNames.Describe(i, visitors[i])}不在其可会见的亲属范围内" +
                    $"（仅限{string.Join("、", policy.RestrictedRelations.Select(RelationNames.Of))}）。",
                    policy.SourceOf(RuleCodes.RelationRestrictedByCrime));
        }
    }
}
