using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Access;

namespace Visitation.Identity.Administration.Accounts;

/// <summary>
/// The role a system administrator's creation or role change asks for, checked the same way for
/// both: a staff role (INVALID_ARGUMENT, with the request's other bad fields), never an
/// administrator's (PERMISSION_DENIED), and one the account's organisation can hold (INVALID_ARGUMENT on <c>role</c>).
/// </summary>
public static class RequestedRole
{
    /// <summary>The role, once every field violation so far (the role's included) has been answered and an administrator's role refused.</summary>
    public static string Of(FieldViolations violations, StaffRole role)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var code = StaffRoles.Required(violations, "role", role);
        violations.ThrowIfAny();
        AccountsInReach.RefuseAdministratorRole(code!);
        return code!;
    }

    /// <summary>Refuses a role the organisation cannot hold (a clerk belongs to a judicial office, a reviewer to a county bureau …).</summary>
    public static void MustFit(this ReferenceDataAccessPolicy tree, string role, string organisationId)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (!tree.IsValidOrganisation(role, organisationId))
        {
            new FieldViolations().Add("role", "该机构不能有此角色", "ROLE_NOT_FOR_ORGANISATION").ThrowIfAny();
        }
    }
}
