using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Administration.Lockouts;

/// <summary>The security administrator's list: the subtree's accounts locked out now.</summary>
public sealed class ListLockoutsHandler(AccountsInReach accounts)
{
    public async Task<ListLockoutsReply> HandleAsync(ListLockoutsRequest request, Caller caller, CancellationToken ct)
    {
        var (views, next) = await accounts.ListAsync(caller, request.Page, role: null, organisationId: null, AccountState.LockedOut, ct);
        var reply = new ListLockoutsReply { NextPageToken = next };
        reply.Accounts.AddRange(views);
        return reply;
    }
}
