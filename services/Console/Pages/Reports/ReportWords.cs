using Visitation.Console.Pages.VisitCentre;
using Visitation.Console.Vocabulary;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.Eligibility;

namespace Visitation.Console.Pages.Reports;

/// <summary>The Chinese words of the reports: groupings, stages, and every refusal reason code by its name.</summary>
public static class ReportWords
{
    public static IReadOnlyList<(ReportGrouping Value, string Name)> Groupings { get; } =
    [
        (ReportGrouping.Office, "按司法所"), (ReportGrouping.County, "按县司法局"), (ReportGrouping.Prison, "按监狱"),
    ];

    /// <summary>The stages whose processing time is reported, in the chain's order.</summary>
    public static IReadOnlyList<(TimelineStage Value, string Name)> Stages { get; } =
    [
        (TimelineStage.BureauReview, "县司法局复审"), (TimelineStage.PrisonApproval, "监狱审批"), (TimelineStage.Scheduling, "安排会见时间"),
    ];

    // The eligibility engine's own codes, which neither the reviewer's nor the officer's list names.
    private static readonly Dictionary<string, string> RuleReasons = new(StringComparer.Ordinal)
    {
        [RuleCodes.RelationNotInScope] = "亲属关系不在会见范围内",
        [RuleCodes.RelationRestrictedByCrime] = "特定罪名限制的亲属关系",
        [RuleCodes.TooManyVisitors] = "会见人数超过规定",
        [RuleCodes.ChildWithoutGuardian] = "未成年人无监护人陪同",
        [RuleCodes.IdentityDocumentMissing] = "未出示身份证件",
        [RuleCodes.RelationshipProofMissing] = "未出示亲属关系证明",
        [RuleCodes.RequiredDocumentMissing] = "缺少规定的证明材料",
        [RuleCodes.AdvanceNoticeTooShort] = "申请提前时间不足",
        [RuleCodes.InmateTransferred] = "服刑人员已调离",
        [RuleCodes.InmateReleased] = "服刑人员已释放",
    };

    public static string Of(ReportGrouping grouping) => Groupings.FirstOrDefault(g => g.Value == grouping).Name ?? "未选择";

    public static string Of(TimelineStage stage) => Stages.FirstOrDefault(s => s.Value == stage).Name ?? "其他环节";

    /// <summary>A reason code's Chinese name: the officer's and reviewer's lists first, then the rules'; a status suspension by its prefix; an unknown code as itself.</summary>
    public static string Reason(string code)
    {
        if (PrisonNames.RefusalReasons.FirstOrDefault(r => r.Code == code).Name is { } officers)
        {
            return officers;
        }

        if (RuleReasons.TryGetValue(code, out var rule))
        {
            return rule;
        }

        return code.StartsWith("SUSPENDED_", StringComparison.Ordinal) ? "服刑人员处于暂停会见期间" : ReviewReasons.NameOf(code);
    }
}
