namespace Visitation.Rules.Eligibility;

/// <summary>
/// An approval for an extra visit or a longer visit after a family event ([Y 四2], [N§5 ¶3]).
/// </summary>
/// <param name="Kind"><see cref="ExtraVisit"/> or <see cref="LongerVisit"/>.</param>
/// <param name="Month">The month it was granted for; approvals do not carry over.</param>
/// <param name="ApprovedBy">Who signed, e.g. prison_area, prison_administration_section, prison_leadership.</param>
public sealed record SpecialApproval(string Kind, VisitMonth Month, IReadOnlyList<string> ApprovedBy)
{
    public const string ExtraVisit = "extra_visit";
    public const string LongerVisit = "longer_visit";

    /// <summary>
    /// Valid when every approver the policy requires has signed: Shanxi approves level by level, so
    /// a section chief's signature alone is not yet an approval.
    /// </summary>
    public bool IsCompleteFor(IReadOnlyList<string> requiredChain) => requiredChain.All(ApprovedBy.Contains);
}
