namespace Visitation.Rules.Reviewing;

/// <summary>Why a decision cannot be taken, in the words every stage shows its officer.</summary>
public static class ReviewRefusals
{
    public const string Withdrawn = "家属已撤回该申请";

    /// <summary>Sent back for more material: nothing to decide until the family hands it in.</summary>
    public const string AwaitingMaterial = "该申请已退回补充材料，材料补齐后方可作出决定";
}
