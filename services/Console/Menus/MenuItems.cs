using System.Security.Claims;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Console.Menus;

/// <summary>The menu a person sees: only the pages of their role (the services check every call again).</summary>
public sealed class MenuItems
{
    /// <summary>The clerk's list of families an SMS could not reach (docs/family-not-reached.md).</summary>
    public const string NotReachedTitle = "未联系上的家属";

    // Grouped by the role whose daily work they are, in the order of that work.
    private static readonly MenuItem[] All =
    [
        // 司法所 clerk
        new("资格核验", "/Eligibility", [Roles.Clerk, Roles.Reviewer]),
        new("受理申请", "/Applications/New", [Roles.Clerk]),
        new("本所申请", "/Applications", [Roles.Clerk]),
        new(NotReachedTitle, "/Applications/NotReached", [Roles.Clerk]),

        // 县司法局 reviewer
        new("待复核", "/Review", [Roles.Reviewer]),

        // 监狱会见中心 officer (and the director who signs special approvals)
        new("待审批", "/Prison/Approvals", [Roles.Officer, Roles.Director]),
        new("待确认排期", "/Prison/Proposals", [Roles.Officer]),
        new("需关注的会见", "/Prison/Attention", [Roles.Officer]),
        new("罪犯名册", "/Prison/Inmates", [Roles.Officer, Roles.Director]),
        new("名册导入", "/Prison/Register", [Roles.Officer]),
        new("停开管理", "/Prison/Closures", [Roles.Officer]),

        // county venue staff
        new("今日会见", "/Venue", [Roles.VenueStaff]),

        // administrators, each of their own trade
        new("账号管理", "/Admin/Accounts", [Roles.SystemAdministrator]),
        new("审计查询", "/Admin/Audit", [Roles.AuditAdministrator]),
        new("安全管理", "/Admin/Security", [Roles.SecurityAdministrator]),
        new("参考数据", "/Admin/ReferenceData", [Roles.Operator]),

        // managers' figures
        new("统计报表", "/Reports", [Roles.Reviewer, Roles.Officer, Roles.Director]),
    ];

    public IReadOnlyList<MenuItem> For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. All.Where(item => item.Roles.Any(user.IsInRole))];
    }
}

public sealed record MenuItem(string Title, string Path, IReadOnlyList<string> Roles);
