using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Access;

namespace Visitation.Identity.Administration;

/// <summary>
/// The <see cref="AdminAccessTable"/> on the reference data's organisation tree, for the shared
/// <see cref="AccessInterceptor"/>: a call it allows carries the caller's subtree as
/// <see cref="Caller.Organisations"/>, and an account outside it is answered as an unknown one.
/// </summary>
public sealed class AdminAccessPolicy(ReferenceDataAccessPolicy tree) : IAccessPolicy
{
    public bool IsValidOrganisation(string role, string organisationId) => tree.IsValidOrganisation(role, organisationId);

    public IReadOnlyList<string>? Reach(string fullMethodName, string role, string organisationId)
    {
        if (!AdminAccessTable.ByFullName.TryGetValue(fullMethodName, out var method)
            || !string.Equals(method.Role, role, StringComparison.Ordinal)
            || !IsValidOrganisation(role, organisationId))
        {
            return null;
        }

        return method.Reach switch
        {
            AdminReach.Subtree => tree.Subtree(organisationId),
            _ => tree.KindOf(organisationId) == OrganisationKind.Province ? [] : null,
        };
    }
}
