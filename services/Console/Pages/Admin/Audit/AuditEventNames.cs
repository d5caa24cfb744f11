using Visitation.Workflow.Audit;

namespace Visitation.Console.Pages.Admin.Audit;

/// <summary>
/// The audit's closed list of events (<see cref="AuditEvent"/>) in Chinese, for the filter and the results.
/// An event added to the list without a name here shows its code, so the page never hides a row.
/// </summary>
public static class AuditEventNames
{
    private static readonly Dictionary<AuditEvent, string> Chinese = new()
    {
        [AuditEvent.ApplicationSubmitted] = "受理申请",
        [AuditEvent.ApplicationWithdrawn] = "撤回申请",
        [AuditEvent.ApplicationResubmitted] = "补正后重新提交",
        [AuditEvent.FamilyNotReachedListed] = "列入未联系上的家属",
        [AuditEvent.FamilyNotReachedClosed] = "处理未联系上的家属",
        [AuditEvent.ReviewApproved] = "县司法局同意",
        [AuditEvent.ReviewRejected] = "县司法局不同意",
        [AuditEvent.ReviewExpired] = "县司法局审核超期",
        [AuditEvent.ReviewSentBack] = "县司法局退回补正",
        [AuditEvent.ReviewResumed] = "县司法局收到补正材料",
        [AuditEvent.ApprovalApproved] = "监狱同意",
        [AuditEvent.ApprovalRejected] = "监狱不同意",
        [AuditEvent.ApprovalExpired] = "监狱审批超期",
        [AuditEvent.ApprovalSentBack] = "监狱退回补正",
        [AuditEvent.ApprovalResumed] = "监狱收到补正材料",
        [AuditEvent.RegisterImported] = "导入服刑人员名册",
        [AuditEvent.InmateDepartureRecorded] = "登记服刑人员离监",
        [AuditEvent.InmateStatusSet] = "设置服刑人员状态",
        [AuditEvent.InmateStatusEnded] = "结束服刑人员状态",
        [AuditEvent.InmateAreaMoved] = "调整服刑人员监区",
        [AuditEvent.VisitorBarred] = "禁止会见人会见",
        [AuditEvent.SpecialApprovalRecorded] = "登记特别审批",
        [AuditEvent.OnSiteVisitRecorded] = "登记现场会见",
        [AuditEvent.VisitProposed] = "拟定会见时间",
        [AuditEvent.ProposalLapsed] = "拟定时间失效",
        [AuditEvent.VisitConfirmed] = "确认会见时间",
        [AuditEvent.VisitMoved] = "调整会见时间",
        [AuditEvent.VisitCheckedIn] = "会见签到",
        [AuditEvent.VisitStarted] = "会见开始",
        [AuditEvent.VisitInterrupted] = "会见中断",
        [AuditEvent.VisitResumed] = "会见恢复",
        [AuditEvent.VisitCompleted] = "会见结束",
        [AuditEvent.VisitTerminated] = "会见被中止",
        [AuditEvent.VisitNoShow] = "家属未到",
        [AuditEvent.VisitCancelled] = "取消会见",
        [AuditEvent.DayClosed] = "停止会见日",
        [AuditEvent.ClosureReopened] = "恢复会见日",
        [AuditEvent.SignInSucceeded] = "登录成功",
        [AuditEvent.SignInFailed] = "登录失败",
        [AuditEvent.AccountLockedOut] = "账号被锁定",
        [AuditEvent.SignedOut] = "退出登录",
        [AuditEvent.RefreshRefused] = "会话续期被拒绝",
        [AuditEvent.FactorEnrolled] = "绑定身份验证器",
        [AuditEvent.AccountCreated] = "新建账号",
        [AuditEvent.AccountRoleChanged] = "更改账号角色",
        [AuditEvent.AccountDisabled] = "停用账号",
        [AuditEvent.PasswordReset] = "重置密码",
        [AuditEvent.AccountEnabled] = "启用账号",
        [AuditEvent.AccountUnlocked] = "解除锁定",
        [AuditEvent.FactorReset] = "重置身份验证器",
        [AuditEvent.SigningKeyStaged] = "预置签名密钥",
        [AuditEvent.ReferenceDataLoaded] = "加载参考数据",
        [AuditEvent.PolicyLoaded] = "加载会见政策",
        [AuditEvent.AuditPurged] = "清理过期审计记录",
        [AuditEvent.PersonalDataAnonymised] = "个人信息匿名化",
        [AuditEvent.EligibilityQueried] = "资格核验",
        [AuditEvent.ApplicationRead] = "查看申请",
        [AuditEvent.ApplicationsSearched] = "查询申请",
        [AuditEvent.ReviewsListed] = "查看待复核列表",
        [AuditEvent.ApprovalsListed] = "查看待审批列表",
        [AuditEvent.InmateRead] = "查看服刑人员",
        [AuditEvent.VisitRead] = "查看会见",
        [AuditEvent.AgendaRead] = "查看会见日程",
        [AuditEvent.ProposalsListed] = "查看拟定时间列表",
        [AuditEvent.MessagesListed] = "查看短信记录",
        [AuditEvent.AuditSearched] = "查询审计记录",
        [AuditEvent.Exported] = "导出",
        [AuditEvent.AffectedVisitsListed] = "查看需关注的会见",
        [AuditEvent.FamiliesNotReachedRead] = "查看未联系上的家属",
        [AuditEvent.ReportExported] = "导出统计报表",
    };

    /// <summary>Every event of the closed list with its name, in the list's order (the filter's choices).</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } =
        [.. Enum.GetValues<AuditEvent>().Select(e => (e.ToString(), Of(e.ToString())))];

    /// <summary>The name of an event code as a row carries it; an unknown code is shown as it is.</summary>
    public static string Of(string code) =>
        Enum.TryParse<AuditEvent>(code, ignoreCase: false, out var known) && Chinese.TryGetValue(known, out var name) ? name : code;
}
