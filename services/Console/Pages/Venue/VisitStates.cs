using Visitation.Contracts.Grpc.Scheduling;

namespace Visitation.Console.Pages.VenueStaff;

/// <summary>The visit's states and the call's interruptions in the words the venue's staff use.</summary>
public static class VisitStates
{
    public static string Of(VisitStatus status) => status switch
    {
        VisitStatus.Proposed => "待监狱确认时间",
        VisitStatus.Scheduled => "待签到",
        VisitStatus.CheckedIn => "已签到，待接通",
        VisitStatus.InProgress => "通话中",
        VisitStatus.Interrupted => "通话中断",
        VisitStatus.Completed => "会见结束",
        VisitStatus.NoShow => "家属未到",
        VisitStatus.Terminated => "会见被中止",
        VisitStatus.Cancelled => "已取消",
        VisitStatus.Expired => "已失效",
        _ => "未知状态",
    };

    public static string Of(InterruptionCause cause) => cause switch
    {
        InterruptionCause.PrisonSide => "监狱端设备故障",
        InterruptionCause.VenueSide => "会见室端设备故障",
        InterruptionCause.Network => "网络中断",
        _ => "原因未记录",
    };

    /// <summary>While the call may still change: the page looks again by itself (venue.js).</summary>
    public static bool IsLive(VisitStatus status) => status is VisitStatus.CheckedIn or VisitStatus.InProgress or VisitStatus.Interrupted;

    /// <summary>The end of the visit's slot as the staff read it (HH:mm).</summary>
    public static string EndOf(VisitView visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return TimeOnly.TryParseExact(visit.StartTime, "HH:mm", out var start) ? start.AddMinutes(visit.Minutes).ToString("HH:mm") : string.Empty;
    }
}
