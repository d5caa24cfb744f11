using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Visitation.Console.SignIn;

/// <summary>
/// The signed-in person's access token for calls to the services, renewed with the refresh token a
/// minute before it expires; the renewed tokens are written back into the session cookie. A refused
/// refresh (the identity service ended the session) signs the person out of the console.
/// </summary>
public sealed class UserTokens(
    IHttpContextAccessor http,
    IHttpClientFactory clients,
    IOptionsMonitor<OpenIdConnectOptions> oidc,
    RefreshGate gate)
{
    public const string HttpClientName = "identity-token";

    /// <summary>The session's organisation (the tokens' <c>org</c>): the one the person acts for.</summary>
    public const string OrganisationClaim = "org";

    /// <summary>Every organisation the person may act for, from the identity token (only for people allowed several sites).</summary>
    public const string SiteClaim = "site";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public async Task<string> AccessTokenAsync(CancellationToken ct)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("Tokens are read within a request.");
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded || session.Properties.GetTokenValue("access_token") is not { } token)
        {
            throw new SessionEndedException();
        }

        // Token lifetimes are real time, as the identity service stamps them, whatever a training clock reads.
        var expires = DateTimeOffset.Parse(session.Properties.GetTokenValue("expires_at") ?? "0001-01-01T00:00:00Z", CultureInfo.InvariantCulture);
        if (expires - Margin > TimeProvider.System.GetUtcNow())
        {
            return token;
        }

        return await RefreshAsync(context, session, ct);
    }

    private async Task<string> RefreshAsync(HttpContext context, AuthenticateResult session, CancellationToken ct)
    {
        var properties = session.Properties!;
        var refresh = properties.GetTokenValue("refresh_token");
        var renewed = refresh is null ? null : await gate.RefreshOnceAsync(refresh, () => RedeemAsync(refresh)).WaitAsync(ct);
        if (renewed is null)
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            throw new SessionEndedException();
        }

        Store(properties, renewed);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, session.Principal!, properties);
        return renewed.AccessToken;
    }

    private static void Store(AuthenticationProperties properties, RefreshedTokens renewed)
    {
        properties.UpdateTokenValue("access_token", renewed.AccessToken);
        properties.UpdateTokenValue("expires_at", renewed.ExpiresAt.ToString("o", CultureInfo.InvariantCulture));
        if (renewed.RefreshToken is { } next)
        {
            properties.UpdateTokenValue("refresh_token", next);
        }
    }

    /// <summary>
    /// From now on the person acts for <paramref name="organisation"/>, one of their sites: a refresh naming it,
    /// which the identity service grants only if the account holds that site (the console's list is no proof).
    /// The new tokens and the session's <c>org</c> are written into the cookie; false when the identity service refused.
    /// </summary>
    public async Task<bool> ActForAsync(string organisation, CancellationToken ct)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("Tokens are read within a request.");
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded || session.Properties.GetTokenValue("refresh_token") is not { } refresh)
        {
            throw new SessionEndedException();
        }

        // Not through the gate: the gate shares one answer per refresh token, and this answer names another organisation.
        var renewed = await RedeemAsync(refresh, organisation).WaitAsync(ct);
        if (renewed is null)
        {
            return false;
        }

        var person = (ClaimsIdentity)session.Principal!.Identity!;
        foreach (var old in person.FindAll(OrganisationClaim).ToList())
        {
            person.RemoveClaim(old);
        }

        person.AddClaim(new Claim(OrganisationClaim, organisation));
        Store(session.Properties!, renewed);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, session.Principal, session.Properties);
        return true;
    }

    /// <summary>The refresh grant; null when the identity service refuses it (the session ended there), an exception when it is down.</summary>
    private async Task<RefreshedTokens?> RedeemAsync(string refresh, string? organisation = null)
    {
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        // Not the request's cancellation: another request of the session may be waiting for this answer.
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None);
        using var client = clients.CreateClient(HttpClientName);
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = options.ClientId!,
            ["refresh_token"] = refresh,
        };
        if (organisation is not null)
        {
            fields["organisation"] = organisation;
        }

        using var form = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri(configuration.TokenEndpoint), form);
        if (response.StatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var reply = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var root = reply.RootElement;
        return new RefreshedTokens(
            root.GetProperty("access_token").GetString()!,
            TimeProvider.System.GetUtcNow().AddSeconds(root.GetProperty("expires_in").GetInt32()),
            root.TryGetProperty("refresh_token", out var rotated) ? rotated.GetString() : null);
    }
}

/// <summary>The identity service no longer honours the session: the person signs in again.</summary>
public sealed class SessionEndedException : Exception
{
    public SessionEndedException()
        : base("会话已结束，请重新登录")
    {
    }
}
