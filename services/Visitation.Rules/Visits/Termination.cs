using System.Collections.Frozen;
using Visitation.Rules.Policies;

namespace Visitation.Rules.Visits;

/// <summary>
/// Terminating (中止) a call for a breach of the rules, RULES.md §7 [N§12–14], [Y 十]: the reasons,
/// and the check of the severity and penalty length against the prison's policy.
/// </summary>
public static class Termination
{
    public static readonly FrozenDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["UNAPPROVED_PERSONS"] = "会见人数超过核准人数或有未经批准人员在场",
        ["CODED_LANGUAGE"] = "经警告后仍使用隐语、暗语或未经批准的语言、方言",
        ["CONTRABAND_TALK"] = "谈论违禁物品",
        ["MONEY_OR_FAVOURS"] = "谈论转移财物或托办事项",
        ["CASE_TALK"] = "谈论案情",
        ["SECURITY_TALK"] = "谈论监狱安全相关内容",
        ["RECORDING"] = "私自录音、录像或拍照",
        ["DISORDER"] = "扰乱会见秩序或不服从工作人员管理",
        ["HARMFUL_IDEAS"] = "传播消极思想或邪教思想",
        ["OTHER_BREACH"] = "其他违反会见规定的行为",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Every problem with a termination, as (field, message) pairs: an unknown reason, a severity the
    /// prison's policy does not know (Ningxia has only "ordinary"), or a penalty outside its range.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Check(VisitPolicy policy, string reasonCode, string severity, int penaltyMonths)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<(string, string)>();
        if (!Reasons.ContainsKey(reasonCode))
            problems.Add(("reason_code", "不是规定的中止会见原因"));
        if (!policy.PenaltyMonthsBySeverity.TryGetValue(severity, out var range))
            problems.Add(("severity", $"应为 {string.Join("、", policy.PenaltyMonthsBySeverity.Keys)} 之一"));
        else if (!range.Allows(penaltyMonths))
            problems.Add(("penalty_months", range.MinMonths == range.MaxMonths
                ? $"该情节的暂停会见期限为{range.MinMonths}个月"
                : $"该情节的暂停会见期限应为{range.MinMonths}至{range.MaxMonths}个月"));
        return problems;
    }
}
