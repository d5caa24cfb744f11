namespace Visitation.Rules.Visits;

/// <summary>A visit's status as the staff read it in a refusal.</summary>
public static class VisitStatusLabels
{
    public static string Of(VisitStatus status) => status switch
    {
        VisitStatus.Proposed => "待确认",
        VisitStatus.Scheduled => "已确认",
        VisitStatus.CheckedIn => "已签到",
        VisitStatus.InProgress => "通话中",
        VisitStatus.Interrupted => "通话中断",
        VisitStatus.Completed => "已完成",
        VisitStatus.NoShow => "未到场",
        VisitStatus.Terminated => "已中止",
        VisitStatus.Cancelled => "已取消",
        VisitStatus.Expired => "已过保留期",
        _ => status.ToString(),
    };
}
