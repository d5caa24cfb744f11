using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using System.Net;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Tests.Sessions;

/// <summary>
/// Several identity instances behind one address share the Data Protection key ring through the
/// identity database: a sign-in cookie one instance issued is accepted by another on the same database.
/// </summary>
public sealed class SharedKeyRingTests(IdentityHost identity)
{
    [Fact]
    public async Task ACookieIssuedByOneInstanceIsAcceptedByASecondOnTheSameDatabase()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);
        var cookies = new System.Net.CookieContainer();
        await using var second = identity.WithWebHostBuilder(_ => { });
        using var first = new StaffBrowser(identity.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)));
        using var other = new StaffBrowser(second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)));

        await first.SignInAsync(account);
        using var authorized = await other.AuthorizeAsync(new() { ["code_challenge"] = first.Challenge, ["code_challenge_method"] = "S256" });

        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        Assert.NotNull(StaffBrowser.CodeIn(authorized));
        Assert.True(await identity.DataProtectionKeyCountAsync() > 0, "The key ring is not in the identity database.");
    }
}
