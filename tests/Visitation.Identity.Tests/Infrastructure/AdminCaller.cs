using System.Net;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Accounts;

namespace Visitation.Identity.Tests.Infrastructure;

/// <summary>
/// A caller of the administration API: a machine client of one role and organisation (its id is the
/// audit's actor) holding an access token of the identity service for the <c>identity-admin</c> scope.
/// </summary>
public sealed class AdminCaller : IDisposable
{
    private readonly GrpcChannel _channel;

    private AdminCaller(IdentityHost identity, string userId, string role, string organisation, string accessToken)
    {
        (UserId, Role, Organisation) = (userId, role, organisation);
        _channel = GrpcChannel.ForAddress("https://localhost", new GrpcChannelOptions { HttpHandler = identity.Server.CreateHandler() });
        Api = new IdentityAdminService.IdentityAdminServiceClient(_channel.Intercept(metadata =>
        {
            metadata.Add("Authorization", "Bearer " + accessToken);
            return metadata;
        }));
    }

    public IdentityAdminService.IdentityAdminServiceClient Api { get; }

    public string UserId { get; }

    public string Role { get; }

    public string Organisation { get; }

    /// <summary>A new machine client of the role and organisation, with a token for <paramref name="scope"/>.</summary>
    public static async Task<AdminCaller> MachineAsync(IdentityHost identity, string role, string organisation, string scope = ServiceScopes.AdminScope)
    {
        var (clientId, secret) = await identity.CreateMachineClientAsync(role, organisation);
        using var browser = new StaffBrowser(identity);
        var (status, reply) = await browser.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        return new AdminCaller(identity, clientId, role, organisation, reply.GetProperty("access_token").GetString()!);
    }

    /// <summary>A person of the role and organisation, signed in at the console with the second factor, holding a token for the administration API.</summary>
    public static async Task<AdminCaller> StaffAsync(IdentityHost identity, string role, string organisation)
    {
        var account = await identity.CreateStaffAsync(role, organisation);
        using var browser = new StaffBrowser(identity) { Scope = "openid " + ServiceScopes.AdminScope };
        var tokens = await browser.SignInForTokensAsync(account);
        return new AdminCaller(identity, await identity.AccountIdAsync(account.UserName), role, organisation, tokens.GetProperty("access_token").GetString()!);
    }

    /// <summary>The status a call ends with: OK, or the code of the exception it threw.</summary>
    public static async Task<StatusCode> StatusOfAsync(Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    public void Dispose() => _channel.Dispose();
}
