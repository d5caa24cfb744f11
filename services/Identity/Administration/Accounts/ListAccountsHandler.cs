using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Identity.Administration.Accounts;

/// <summary>The system administrator's list: the subtree's accounts, optionally of one role, organisation or state.</summary>
public sealed class ListAccountsHandler(AccountsInReach accounts)
{
    public async Task<ListAccountsReply> HandleAsync(ListAccountsRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        // Unspecified is no filter; a number the proto does not define is a bad filter, not an empty list.
        var role = request.Role == StaffRole.Unspecified ? null : StaffRoles.Required(violations, "role", request.Role);
        violations.ThrowIfAny();
        var (views, next) = await accounts.ListAsync(caller, request.Page, role, request.OrganisationId, request.State, ct);
        var reply = new ListAccountsReply { NextPageToken = next };
        reply.Accounts.AddRange(views);
        return reply;
    }
}
