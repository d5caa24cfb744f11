namespace Visitation.ServiceDefaults.Auth;

/// <summary>
/// The roles a token's <c>role</c> claim may carry; the <c>org</c> claim names the organisation.
/// The three administrator roles are separated (等保 level 3, SECURITY.md): none administers what
/// another does, and none both reads and changes.
/// </summary>
public static class Roles
{
    /// <summary>司法所 clerk; org = judicial office id.</summary>
    public const string Clerk = "clerk";

    /// <summary>县司法局 reviewer; org = county bureau id.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>监狱会见中心 officer; org = prison id.</summary>
    public const string Officer = "officer";

    /// <summary>County venue staff; org = venue id.</summary>
    public const string VenueStaff = "venue";

    /// <summary>Director who signs special approvals; org = prison or county bureau id.</summary>
    public const string Director = "director";

    /// <summary>System operator; sees delivery state, never acts on applications.</summary>
    public const string Operator = "operator";

    /// <summary>系统管理员: accounts and roles within their organisation's subtree.</summary>
    public const string SystemAdministrator = "system-admin";

    /// <summary>安全管理员: sign-in policies, keys, lockouts.</summary>
    public const string SecurityAdministrator = "security-admin";

    /// <summary>审计管理员: reads the audit trail, changes nothing.</summary>
    public const string AuditAdministrator = "audit-admin";

    /// <summary>Every role, in the order the policy table and the README list them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Clerk, Reviewer, Officer, VenueStaff, Director, Operator, SystemAdministrator, SecurityAdministrator, AuditAdministrator];
}
