using Visitation.ServiceDefaults.Auth;
using Api = Visitation.Contracts.Grpc.IdentityAdmin.IdentityAdminService;
using AdminRpc = Visitation.Contracts.Grpc.IdentityAdmin.IdentityAdminService.IdentityAdminServiceBase;

namespace Visitation.Identity.Administration;

/// <summary>
/// Who may call which administration RPC, as one table (docs/identity.md shows it; a test keeps the two
/// equal). The three administrators are separated (GB/T 22239-2019 level 3 §8.1.4.2): the system
/// administrator manages accounts and roles, the security administrator lockouts, second factors and
/// keys, the audit administrator nothing here (it reads the audit elsewhere). A role or method not
/// listed is refused by <see cref="AccessInterceptor"/> (PERMISSION_DENIED).
/// </summary>
public static class AdminAccessTable
{
    public static IReadOnlyList<AdminMethod> Methods { get; } =
    [
        Allow(nameof(AdminRpc.ListAccounts), Roles.SystemAdministrator, AdminReach.Subtree),
        Allow(nameof(AdminRpc.CreateAccount), Roles.SystemAdministrator, AdminReach.Subtree),
        Allow(nameof(AdminRpc.ChangeRole), Roles.SystemAdministrator, AdminReach.Subtree),
        Allow(nameof(AdminRpc.DisableAccount), Roles.SystemAdministrator, AdminReach.Subtree),
        Allow(nameof(AdminRpc.EnableAccount), Roles.SystemAdministrator, AdminReach.Subtree),
        Allow(nameof(AdminRpc.ResetPassword), Roles.SystemAdministrator, AdminReach.Subtree),
        Allow(nameof(AdminRpc.ListLockouts), Roles.SecurityAdministrator, AdminReach.Subtree),
        Allow(nameof(AdminRpc.UnlockAccount), Roles.SecurityAdministrator, AdminReach.Subtree),
        Allow(nameof(AdminRpc.ResetSecondFactor), Roles.SecurityAdministrator, AdminReach.Subtree),
        // The keys sign every organisation's tokens: only a security administrator at the top of a tree handles them.
        Allow(nameof(AdminRpc.ListSigningKeys), Roles.SecurityAdministrator, AdminReach.ProvinceOnly),
        Allow(nameof(AdminRpc.StageSigningKey), Roles.SecurityAdministrator, AdminReach.ProvinceOnly),
    ];

    /// <summary>The table by full gRPC method name (<c>/package.Service/Method</c>).</summary>
    public static IReadOnlyDictionary<string, AdminMethod> ByFullName { get; } = Methods.ToDictionary(m => m.FullName, StringComparer.Ordinal);

    /// <summary>The administrator roles: their accounts are bootstrapped by the CLI or the seed file, never made or changed through this API by a system administrator.</summary>
    public static IReadOnlySet<string> AdministratorRoles { get; } =
        new HashSet<string>([Roles.SystemAdministrator, Roles.SecurityAdministrator, Roles.AuditAdministrator], StringComparer.Ordinal);

    private static AdminMethod Allow(string method, string role, AdminReach reach)
    {
        // nameof names the generated base's method: a rename fails the build, a typo here at start-up.
        var descriptor = Api.Descriptor.FindMethodByName(method) ?? throw new InvalidOperationException($"{Api.Descriptor.FullName} has no method {method}.");
        return new AdminMethod(descriptor.Name, role, reach);
    }
}

/// <summary>What an administrator reaches through a call.</summary>
public enum AdminReach
{
    /// <summary>The accounts of the caller's organisation and every organisation below it.</summary>
    Subtree,

    /// <summary>No account; the caller's organisation must be a province (the keys are the whole system's).</summary>
    ProvinceOnly,
}

/// <summary>One RPC of the administration API: the one role that may call it and what it reaches.</summary>
public sealed record AdminMethod(string Method, string Role, AdminReach Reach)
{
    public string FullName => $"/{Api.Descriptor.FullName}/{Method}";
}
