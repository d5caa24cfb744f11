using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// Each visitor proves who they are and how they are related ([Y 六], [NC§6], [N§7]), plus what the
/// province adds for video visits (Shanxi a recent photo [Y 三2], Ningxia real-person verification [N§7]).
/// </summary>
/// <remarks>
/// Minors may prove identity with the household register instead of an ID card ([NC§6], [N§10]).
/// The province's extra documents are asked of adults only: a child has no photo or verification
/// of their own in the documents, and the accompanying adult provides it.
/// </remarks>
public sealed class DocumentsRule : IClerkRule
{
    public IEnumerable<RuleFailure> Check(VisitPolicy policy, VisitRequest request)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(request);
        for (var i = 0; i < request.Visitors.Count; i++)
        {
            var visitor = request.Visitors[i];
            var who = RelationNames.Describe(i, visitor);
            var identified = visitor.Presented(DocumentKinds.ResidentId)
                || (visitor.IsMinor && visitor.Presented(DocumentKinds.HouseholdRegister));
            if (!identified)
                yield return new RuleFailure(
                    RuleCodes.IdentityDocumentMissing,
                    visitor.IsMinor ? $"{who}须出示居民身份证或户口簿。" : $"{who}须出示本人居民身份证。",
                    policy.SourceOf(RuleCodes.IdentityDocumentMissing));
            if (!DocumentKinds.RelationshipProofs.Any(visitor.Presented))
                yield return new RuleFailure(
                    RuleCodes.RelationshipProofMissing,
                    $"{who}须提供与罪犯关系的证明（户口簿、结婚证、出生医学证明或有关机关出具的证明等）。",
                    policy.SourceOf(RuleCodes.RelationshipProofMissing));
            if (visitor.IsMinor)
                continue;
            foreach (var required in policy.RequiredDocumentsPerAdult.Where(d => !visitor.Presented(d)))
                yield return new RuleFailure(
                    RuleCodes.RequiredDocumentMissing,
                    $"{who}须提供{DocumentKinds.NameOf(required)}。",
                    policy.SourceOf(RuleCodes.RequiredDocumentMissing));
        }
    }
}
