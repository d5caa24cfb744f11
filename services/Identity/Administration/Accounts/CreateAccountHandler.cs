using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Accounts;
using Visitation.Identity.Data;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Access;

namespace Visitation.Identity.Administration.Accounts;

/// <summary>
/// A new account in the caller's subtree, in a role its organisation can hold, never an administrator's.
/// It is not enrolled: the person enrols an authenticator at the first sign-in with the one-time password returned.
/// </summary>
public sealed partial class CreateAccountHandler(
    AccountAdministration administration, UserManager<StaffUser> users, ReferenceDataAccessPolicy tree, TimeProvider clock)
{
    public async Task<CreateAccountReply> HandleAsync(CreateAccountRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        if (!UserName().IsMatch(request.UserName))
        {
            violations.Add("user_name", "应为3到64个小写字母、数字或 . _ -", "USER_NAME_FORMAT");
        }

        var role = RequestedRole.Of(violations.Required("organisation_id", request.OrganisationId), request.Role);
        // An organisation outside the subtree gets the reply of one that does not exist.
        if (!caller.Reaches(request.OrganisationId))
        {
            violations.Add("organisation_id", "不是您管辖的机构", "ORGANISATION_NOT_IN_REACH").ThrowIfAny();
        }

        tree.MustFit(role, request.OrganisationId);

        if (await users.FindByNameAsync(request.UserName) is not null)
        {
            violations.Add("user_name", "用户名已被使用", "USER_NAME_TAKEN").ThrowIfAny();
        }

        var password = InitialPassword.New();
        var user = await administration.CreateAsync(request.UserName, role, request.OrganisationId, password, authenticatorKey: null, caller.AsAuditActor());
        return new CreateAccountReply { Account = user.ToView(clock.GetUtcNow()), InitialPassword = password };
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex UserName();
}
