using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Visitation.Identity.Data;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Tests.Sessions;

/// <summary>
/// The organisation switch (a person allowed several sites): a refresh naming one of the account's sites gives
/// a token whose <c>org</c> is that site, kept by the next refresh; a site the account does not hold is refused,
/// whatever the console sent. The services read <c>org</c> from this token only, so this is where the switch is decided.
/// </summary>
public sealed class SiteSwitchTests(IdentityHost identity)
{
    private const string OtherOffice = "yongji-chengdong-office";
    private const string OfficeOfOtherCounty = "yanhu-beicheng-office";

    [Fact]
    public async Task ARefreshNamingOneOfTheAccountsSitesActsForItAndTheNextRefreshKeepsIt()
    {
        var account = await ClerkOfTwoOfficesAsync();
        using var browser = new StaffBrowser(identity);
        var tokens = await browser.SignInForTokensAsync(account);
        Assert.Equal(IdentityHost.OfficeId, OrganisationOf(tokens));
        Assert.Equal([IdentityHost.OfficeId, OtherOffice], SitesOf(tokens));

        var (status, switched) = await browser.TokenAsync(RefreshNaming(tokens, OtherOffice));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(OtherOffice, OrganisationOf(switched));

        var (_, kept) = await browser.RefreshAsync(switched.GetProperty("refresh_token").GetString()!);
        Assert.Equal(OtherOffice, OrganisationOf(kept));
    }

    [Fact]
    public async Task ARefreshNamingAnOrganisationTheAccountDoesNotHoldIsRefused()
    {
        var account = await ClerkOfTwoOfficesAsync();
        using var browser = new StaffBrowser(identity);
        var tokens = await browser.SignInForTokensAsync(account);

        var (status, reply) = await browser.TokenAsync(RefreshNaming(tokens, OfficeOfOtherCounty));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", reply.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AnAccountOfOneOrganisationCannotNameAnother()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);
        using var browser = new StaffBrowser(identity);
        var tokens = await browser.SignInForTokensAsync(account);

        var (status, _) = await browser.TokenAsync(RefreshNaming(tokens, OtherOffice));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    private async Task<StaffAccount> ClerkOfTwoOfficesAsync()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);
        await identity.InScopeAsync<UserManager<StaffUser>>(async users =>
        {
            var user = (await users.FindByNameAsync(account.UserName))!;
            user.OtherOrganisationIds.Add(OtherOffice);
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        });
        return account;
    }

    private static Dictionary<string, string> RefreshNaming(JsonElement tokens, string organisation) => new()
    {
        ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        ["client_id"] = "console", ["organisation"] = organisation,
    };

    private static string? OrganisationOf(JsonElement tokens) => Payload(tokens, "access_token").GetProperty("org").GetString();

    private static string[] SitesOf(JsonElement tokens) =>
        [.. Payload(tokens, "id_token").GetProperty("site").EnumerateArray().Select(site => site.GetString()!)];

    private static JsonElement Payload(JsonElement tokens, string token) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(tokens.GetProperty(token).GetString()!.Split('.')[1])).RootElement.Clone();
}
