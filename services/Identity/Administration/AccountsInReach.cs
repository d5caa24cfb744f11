using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Data;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.Identity.Administration;

/// <summary>
/// The accounts an administrator's call reaches: those of the caller's subtree (<see cref="Caller.Organisations"/>).
/// Any other is answered exactly as an id nobody has (NOT_FOUND), so a reply never tells that it exists.
/// </summary>
public sealed class AccountsInReach(UserManager<StaffUser> users, TimeProvider clock)
{
    /// <summary>The account named by the request, tracked for a change.</summary>
    public async Task<StaffUser> FindAsync(Caller caller, string? accountId, CancellationToken ct)
    {
        new FieldViolations().Required("account_id", accountId).ThrowIfAny();
        var reach = caller.Organisations.ToArray();
        return await users.Users.FirstOrDefaultAsync(u => u.Id == accountId && reach.Contains(u.OrganisationId), ct)
            ?? throw GrpcErrors.NotFound("账号", accountId!);
    }

    /// <summary>
    /// The system administrator's changes stop at the administrators: their accounts, the caller's own
    /// included, are made and changed only by the CLI and the seed file (docs/identity.md, "Separation").
    /// </summary>
    public static void RefuseAdministrator(StaffUser user)
    {
        if (AdminAccessTable.AdministratorRoles.Contains(user.Role))
        {
            throw GrpcErrors.PermissionDenied("管理员账号不能通过此接口管理");
        }
    }

    /// <summary>Nor does the system administrator make anyone an administrator: that too is the CLI's and the seed file's.</summary>
    public static void RefuseAdministratorRole(string role)
    {
        if (AdminAccessTable.AdministratorRoles.Contains(role))
        {
            throw GrpcErrors.PermissionDenied("管理员角色不能通过此接口授予");
        }
    }

    /// <summary>No administrator administers their own account: a stolen session must not lift its own restrictions.</summary>
    public static void RefuseOwn(Caller caller, StaffUser user)
    {
        if (string.Equals(caller.UserId, user.Id, StringComparison.Ordinal))
        {
            throw GrpcErrors.PermissionDenied("不能管理自己的账号");
        }
    }

    /// <summary>One page of the subtree's accounts by user name, filtered.</summary>
    public async Task<(List<AccountView> Accounts, string NextPageToken)> ListAsync(
        Caller caller, Visitation.Contracts.Grpc.PageRequest? pageRequest, string? role, string? organisationId, AccountState state, CancellationToken ct)
    {
        var page = pageRequest.ToPage();
        var now = clock.GetUtcNow();
        var reach = caller.Organisations.ToArray();
        var query = users.Users.AsNoTracking().Where(u => reach.Contains(u.OrganisationId));
        if (role is not null)
        {
            query = query.Where(u => u.Role == role);
        }

        if (!string.IsNullOrEmpty(organisationId))
        {
            // An organisation outside the subtree lists nothing, like one without accounts.
            query = query.Where(u => u.OrganisationId == organisationId);
        }

        query = state switch
        {
            AccountState.Enabled => query.Where(u => u.DisabledAt == null),
            AccountState.Disabled => query.Where(u => u.DisabledAt != null),
            AccountState.LockedOut => query.Where(u => u.LockoutEnd != null && u.LockoutEnd > now),
            AccountState.Unspecified => query,
            _ => throw GrpcErrors.InvalidArgument([new Google.Rpc.BadRequest.Types.FieldViolation { Field = "state", Description = "未知的状态" }]),
        };
        var rows = await query.OrderBy(u => u.UserName).ThenBy(u => u.Id).Skip(page.Offset).Take(page.Size).ToListAsync(ct);
        return ([.. rows.Select(u => u.ToView(now))], page.NextToken(rows.Count));
    }
}
