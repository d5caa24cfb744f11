using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Tests.Tokens;

/// <summary>Machine clients (a prison's register import, the demo) get tokens by client credentials; nobody gets one by password.</summary>
public sealed class ClientCredentialsTests(IdentityHost identity)
{
    [Fact]
    public async Task AMachineTokenCarriesTheClientsRoleOrganisationAndTheServiceAudienceForAtMostFifteenMinutes()
    {
        var (clientId, secret) = await identity.CreateMachineClientAsync(Roles.Clerk, IdentityHost.OfficeId);
        using var browser = new StaffBrowser(identity);

        var (status, reply) = await browser.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "application prison-approval",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var token = new JsonWebToken(reply.GetProperty("access_token").GetString());
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal(IdentityHost.Issuer, token.Issuer);
        Assert.Equal(["visitation-application", "visitation-prison-approval"], token.Audiences.Order(StringComparer.Ordinal));
        Assert.Equal((clientId, Roles.Clerk, IdentityHost.OfficeId, clientId),
            (token.Subject, token.GetClaim("role").Value, token.GetClaim("org").Value, token.GetClaim("client_id").Value));
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task AWrongClientSecretGetsNoToken()
    {
        var (clientId, _) = await identity.CreateMachineClientAsync(Roles.Officer, "yongji-prison");
        using var browser = new StaffBrowser(identity);

        var (status, reply) = await browser.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = "not-the-secret", ["scope"] = "prison-approval",
        });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", reply.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ThePasswordGrantIsRefused()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);
        using var browser = new StaffBrowser(identity);

        var (status, reply) = await browser.TokenAsync(new()
        {
            ["grant_type"] = "password", ["client_id"] = "console", ["username"] = account.UserName, ["password"] = account.Password, ["scope"] = "application",
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unsupported_grant_type", reply.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AMachineClientForAnOrganisationOutsideTheReferenceDataCannotBeRegistered()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => identity.CreateMachineClientAsync(Roles.Clerk, "no-such-office"));

        Assert.Contains("no-such-office", refused.Message, StringComparison.Ordinal);
    }
}
