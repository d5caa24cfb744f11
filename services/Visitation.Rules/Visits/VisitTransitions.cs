using System.Collections.Frozen;

namespace Visitation.Rules.Visits;

/// <summary>
/// The one table of how a visit's status may change: each action, the statuses it may start from,
/// and the status it leads to. The entity refuses anything else; staff screens ask
/// <see cref="AllowedActions"/> which buttons to show.
/// </summary>
public static class VisitTransitions
{
    private static readonly FrozenDictionary<VisitAction, (VisitStatus[] From, VisitStatus To)> Table =
        new Dictionary<VisitAction, (VisitStatus[] From, VisitStatus To)>
        {
            // action                  from                                                                     to
            [VisitAction.Confirm] = ([VisitStatus.Proposed], VisitStatus.Scheduled),
            [VisitAction.Expire] = ([VisitStatus.Proposed], VisitStatus.Expired),
            [VisitAction.CheckIn] = ([VisitStatus.Scheduled], VisitStatus.CheckedIn),
            [VisitAction.MarkNoShow] = ([VisitStatus.Scheduled], VisitStatus.NoShow),
            [VisitAction.Cancel] = ([VisitStatus.Proposed, VisitStatus.Scheduled, VisitStatus.CheckedIn], VisitStatus.Cancelled),
            [VisitAction.Start] = ([VisitStatus.CheckedIn], VisitStatus.InProgress),
            [VisitAction.Interrupt] = ([VisitStatus.InProgress], VisitStatus.Interrupted),
            [VisitAction.Resume] = ([VisitStatus.Interrupted], VisitStatus.InProgress),
            [VisitAction.Complete] = ([VisitStatus.InProgress, VisitStatus.Interrupted], VisitStatus.Completed),
            [VisitAction.Terminate] = ([VisitStatus.InProgress, VisitStatus.Interrupted], VisitStatus.Terminated),
        }.ToFrozenDictionary();

    /// <summary>The status <paramref name="action"/> leads to.</summary>
    public static VisitStatus Target(VisitAction action) => Table[action].To;

    public static bool IsAllowed(VisitStatus from, VisitAction action) => Table[action].From.Contains(from);

    /// <summary>
    /// The visit already is where <paramref name="action"/> would take it: a repeated call (a retry
    /// after a lost reply) answers with the visit as it is rather than an error.
    /// </summary>
    public static bool IsDone(VisitStatus status, VisitAction action) => status == Target(action);

    /// <summary>The status after <paramref name="action"/>, or the refusal when <paramref name="from"/> does not allow it.</summary>
    public static VisitStatus Apply(VisitStatus from, VisitAction action) =>
        IsAllowed(from, action) ? Target(action) : throw new IllegalVisitTransitionException(from, action);

    /// <summary>Every action a visit in <paramref name="status"/> allows, in the order of <see cref="VisitAction"/>.</summary>
    public static IReadOnlyList<VisitAction> AllowedActions(VisitStatus status) =>
        Enum.GetValues<VisitAction>().Where(action => IsAllowed(status, action)).ToList();

    /// <summary>Why <paramref name="action"/> is refused, in the staff's words.</summary>
    public static string Refusal(VisitStatus from, VisitAction action)
    {
        var current = VisitStatusLabels.Of(from);
        return (action, from) switch
        {
            (VisitAction.Confirm, VisitStatus.Scheduled) => "会见已确认，改期请先取消",
            (VisitAction.Confirm, VisitStatus.Expired) => "该提议已过保留期，请处理新的提议",
            (VisitAction.Confirm, _) => $"该会见状态为{current}，不能确认",
            (VisitAction.CheckIn, _) => $"该会见状态为{current}，不能签到",
            (VisitAction.Start, _) => $"家属尚未在会见室签到，不能开始会见（当前状态：{current}）",
            (VisitAction.Interrupt, _) => $"会见未在进行中（当前状态：{current}）",
            (VisitAction.Resume, _) => $"会见未中断，无需恢复（当前状态：{current}）",
            (VisitAction.Complete or VisitAction.Terminate, _) => $"该会见状态为{current}，没有进行中的通话",
            (VisitAction.Cancel, _) => $"该会见状态为{current}，不能取消",
            (VisitAction.Expire, _) => $"该会见状态为{current}，不是保留中的提议",
            (VisitAction.MarkNoShow, _) => $"该会见状态为{current}，不能记为未到",
            _ => $"该会见状态为{current}，不能执行该操作",
        };
    }
}
