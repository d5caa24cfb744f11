namespace Visitation.ServiceDefaults.Auth;

/// <summary>
/// Decides every call before it reaches a handler (<see cref="AccessInterceptor"/>): whether the
/// token's organisation exists and fits its role, whether the role may call the method, and which
/// organisations' records the call may reach. A service that registers none refuses every call.
/// </summary>
public interface IAccessPolicy
{
    /// <summary>False for an organisation the reference data does not know, or of a kind the role cannot belong to.</summary>
    bool IsValidOrganisation(string role, string organisationId);

    /// <summary>
    /// The organisations whose records <paramref name="role"/> at <paramref name="organisationId"/>
    /// may reach through <paramref name="fullMethodName"/> (<c>/package.Service/Method</c>); null when
    /// the call is refused: a method the table does not list, a role it does not allow, or an
    /// organisation of a kind the method's scope does not fit.
    /// </summary>
    IReadOnlyList<string>? Reach(string fullMethodName, string role, string organisationId);
}
