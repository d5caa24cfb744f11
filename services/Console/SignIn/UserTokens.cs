using System.Globalization;
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
    IOptionsMonitor<OpenIdConnectOptions> oidc)
{
    public const string HttpClientName = "identity-token";
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
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(ct);
        using var client = clients.CreateClient(HttpClientName);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = options.ClientId!,
            ["refresh_token"] = refresh ?? string.Empty,
        });
        using var response = await client.PostAsync(new Uri(configuration.TokenEndpoint), form, ct);
        if (!response.IsSuccessStatusCode || refresh is null)
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            throw new SessionEndedException();
        }

        using var reply = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        var root = reply.RootElement;
        var access = root.GetProperty("access_token").GetString()!;
        var expiresAt = TimeProvider.System.GetUtcNow().AddSeconds(root.GetProperty("expires_in").GetInt32());
        properties.UpdateTokenValue("access_token", access);
        properties.UpdateTokenValue("expires_at", expiresAt.ToString("o", CultureInfo.InvariantCulture));
        if (root.TryGetProperty("refresh_token", out var renewed) && renewed.GetString() is { } next)
        {
            properties.UpdateTokenValue("refresh_token", next);
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, session.Principal!, properties);
        return access;
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
