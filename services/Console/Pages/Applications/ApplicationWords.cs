using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Notification;

namespace Visitation.Console.Pages.Applications;

/// <summary>The Chinese words of an application's page: its timeline's stages and steps, and its SMS.</summary>
public static class ApplicationWords
{
    public static string Of(TimelineStage stage) => stage switch
    {
        TimelineStage.Application => "司法所",
        TimelineStage.BureauReview => "县司法局",
        TimelineStage.PrisonApproval => "监狱会见中心",
        TimelineStage.Scheduling => "排期与会见",
        TimelineStage.Notification => "短信",
        _ => "其他",
    };

    public static string Of(TimelineEvent step) => step switch
    {
        TimelineEvent.Submitted => "受理申请",
        TimelineEvent.Withdrawn => "撤回申请",
        TimelineEvent.BureauApproved => "县司法局审核同意",
        TimelineEvent.BureauRejected => "县司法局审核不同意",
        TimelineEvent.PrisonApproved => "监狱审批同意",
        TimelineEvent.PrisonRejected => "监狱审批不同意",
        TimelineEvent.VisitProposed => "拟定会见时间",
        TimelineEvent.VisitUnavailable => "当月无可用时段",
        TimelineEvent.VisitScheduled => "监狱确认会见时间",
        TimelineEvent.VisitCancelled => "会见取消",
        TimelineEvent.VisitCompleted => "会见完成",
        TimelineEvent.VisitNoShow => "家属未到",
        TimelineEvent.VisitTerminated => "会见被中止",
        TimelineEvent.SmsSent => "短信已发出",
        TimelineEvent.SmsFailed => "短信发送失败",
        TimelineEvent.SmsDelivered => "短信已送达",
        TimelineEvent.SentBack => "退回补正",
        TimelineEvent.Resubmitted => "补正后重新提交",
        TimelineEvent.VisitorsRemoved => "部分会见人不予会见",
        _ => "其他",
    };

    public static string Of(SmsKind kind) => kind switch
    {
        SmsKind.Received => "受理通知",
        SmsKind.BureauRejected => "县司法局不同意通知",
        SmsKind.PrisonRejected => "监狱不同意通知",
        SmsKind.Scheduled => "会见时间通知",
        SmsKind.Unavailable => "无可用时段通知",
        SmsKind.Cancelled => "会见取消通知",
        SmsKind.CancelledReoffered => "会见取消、另行安排通知",
        SmsKind.Reminder => "会见前一日提醒",
        SmsKind.NotArranged => "未能安排通知",
        SmsKind.SentBack => "补正材料通知",
        SmsKind.VisitorsRemoved => "部分会见人不能参加通知",
        SmsKind.VisitorsRemovedAtReview => "复审部分会见人不能参加通知",
        _ => "其他短信",
    };

    /// <summary>Why an SMS will not reach the family, as the "family not reached" list says it.</summary>
    public static string Of(SmsFailureReason reason) => reason switch
    {
        SmsFailureReason.WrongNumber => "号码有误或已停机",
        SmsFailureReason.Blocked => "号码拒收本服务短信",
        SmsFailureReason.ProviderRefused => "短信服务商拒绝发送",
        SmsFailureReason.OutOfRetries => "多次发送均未成功",
        _ => "发送失败",
    };

    /// <summary>What came of contacting the family, as the clerk records it.</summary>
    public static string Of(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.ReachedByPhone => "已电话联系家属",
        ContactOutcome.VisitedOffice => "家属已到所告知",
        ContactOutcome.CouldNotReach => "多方联系仍未联系上",
        _ => "未处理",
    };

    /// <summary>The outcomes a clerk may record, in the order the form offers them.</summary>
    public static IReadOnlyList<ContactOutcome> Outcomes { get; } = [ContactOutcome.ReachedByPhone, ContactOutcome.VisitedOffice, ContactOutcome.CouldNotReach];

    public static string Of(SmsDeliveryState state) => state switch
    {
        SmsDeliveryState.Queued => "待发送",
        SmsDeliveryState.Sending => "发送中",
        SmsDeliveryState.Submitted => "已发出",
        SmsDeliveryState.Delivered => "已送达",
        SmsDeliveryState.Failed => "发送失败",
        _ => "未知",
    };

    /// <summary>
    /// What a timeline step says on the page. An SMS step's detail quotes the text sent to the family;
    /// the page shows the SMS by kind, time and state instead (the table below the timeline), never its text.
    /// </summary>
    public static string DetailOf(TimelineEntry step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Stage == TimelineStage.Notification ? string.Empty : step.Detail;
    }
}
