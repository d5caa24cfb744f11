using Visitation.Console.Vocabulary;
using Visitation.Contracts.Grpc.AuditStore;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Console.Pages.Admin;

/// <summary>The administrators' pages' Chinese words for the identity and audit contracts' closed vocabularies.</summary>
public static class AdminNames
{
    /// <summary>The roles a system administrator may give (never an administrator's: the identity service refuses those).</summary>
    public static IReadOnlyList<(StaffRole Value, string Role)> GivableRoles { get; } =
    [
        (StaffRole.Clerk, Roles.Clerk), (StaffRole.Reviewer, Roles.Reviewer), (StaffRole.Officer, Roles.Officer),
        (StaffRole.Venue, Roles.VenueStaff), (StaffRole.Director, Roles.Director), (StaffRole.Operator, Roles.Operator),
    ];

    private static readonly Dictionary<StaffRole, string> RoleCodes = new(GivableRoles.ToDictionary(r => r.Value, r => r.Role))
    {
        [StaffRole.SystemAdmin] = Roles.SystemAdministrator,
        [StaffRole.SecurityAdmin] = Roles.SecurityAdministrator,
        [StaffRole.AuditAdmin] = Roles.AuditAdministrator,
    };

    /// <summary>A role as the layout's banner names it (one vocabulary for the whole console).</summary>
    public static string Of(StaffRole role) => Names.RoleName(RoleCodes.GetValueOrDefault(role));

    public static IReadOnlyList<(AccountState Value, string Name)> States { get; } =
    [
        (AccountState.Enabled, "正常"), (AccountState.Disabled, "已停用"), (AccountState.LockedOut, "已锁定"),
    ];

    /// <summary>What an account's standing is, in words: disabled before locked, as the service refuses a disabled account first.</summary>
    public static string StateOf(AccountView account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return !account.Enabled ? "已停用"
            : account.LockedOut ? $"已锁定（至 {ChinaTime.Format(account.LockedOutUntil)}）"
            : account.Enrolled ? "正常" : "正常（尚未绑定身份验证器）";
    }

    public static IReadOnlyList<(AuditService Value, string Name)> Services { get; } =
    [
        (AuditService.Application, "申请受理"), (AuditService.BureauReview, "县司法局审核"), (AuditService.PrisonApproval, "监狱审批"),
        (AuditService.Scheduling, "排期与会见"), (AuditService.Notification, "短信通知"), (AuditService.Identity, "身份认证与账号"),
        (AuditService.AuditStore, "审计库（查询与导出）"),
    ];

    public static string Of(AuditService service) => Services.FirstOrDefault(s => s.Value == service).Name ?? "未知";

    public static string Of(AuditChainKind chain) => chain switch
    {
        AuditChainKind.Changes => "业务操作",
        AuditChainKind.Reads => "个人信息查阅",
        _ => "未知",
    };
}
