using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.Identity.Administration;

/// <summary>
/// Between the API's <see cref="StaffRole"/> and the role strings of <see cref="Roles"/>: the proto
/// convention's code with its underscores as hyphens (<c>SystemAdmin</c> ⇄ <c>system-admin</c>).
/// </summary>
public static class StaffRoles
{
    public static StaffRole ToWire(string role) => ProtoCodes.FromCode<StaffRole>(role.Replace('-', '_'));

    /// <summary>The role a request names, or null after adding the violation (not given, or not one of <see cref="Roles.All"/>).</summary>
    public static string? Required(FieldViolations violations, string field, StaffRole role)
    {
        var code = violations.Code(field, role)?.Replace('_', '-');
        return code is null || Roles.All.Contains(code, StringComparer.Ordinal) ? code : null;
    }
}
