using Visitation.Rules.Eligibility;

namespace Visitation.Rules.Reviewing;

/// <summary>
/// What differs between the reviewing stages: the review clock's key in the policy and the words
/// the officer and the family read. Everything else (the transitions, which expiry applies) is one
/// rule for all stages, so a third stage (the province, for special approvals) is a third instance.
/// </summary>
/// <param name="RefuseAction">
/// What the stage's staff press to refuse an application, as their console names it (the bureau's 复核申请 page says
/// 不同意, the visit centre's 审批 page 不予批准): a message that sends them to refusing names their own button.
/// </param>
public sealed record ReviewStage(
    string ClockKey,
    string RefuseAction,
    string ExpiredRefusal,
    string DecidedOtherwiseRefusal,
    RuleFailure DeadlinePassed,
    RuleFailure MonthPassed)
{
    /// <summary>The county justice bureau's re-review (县司法局复审).</summary>
    public static ReviewStage CountyBureau { get; } = new(
        ReviewClock.CountyBureau,
        "不同意",
        "该申请已超过复审期限而失效",
        "该申请已作出其他复审决定",
        new RuleFailure(ReviewReasonCodes.DeadlinePassed, "县司法局未在规定期限内完成复审，申请已失效，请重新申请。", ""),
        new RuleFailure(ReviewReasonCodes.MonthPassed, "申请的会见月份已过，县司法局未能在该月内完成复审，申请已失效，请重新申请。", ""));

    /// <summary>The prison visit centre's approval (监狱会见中心审核).</summary>
    public static ReviewStage Prison { get; } = new(
        ReviewClock.Prison,
        "不予批准",
        "该申请已超过审核期限而失效",
        "该申请已作出其他审批决定",
        new RuleFailure(ReviewReasonCodes.DeadlinePassed, "监狱会见中心未在规定期限内完成审核，申请已失效，请重新申请。", ""),
        new RuleFailure(ReviewReasonCodes.MonthPassed, "申请的会见月份已过，监狱未能在该月内完成审核，申请已失效，请重新申请。", ""));
}
