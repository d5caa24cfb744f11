using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Console.SignIn;

/// <summary>
/// Sign-in through the identity service: OpenID Connect authorization code with PKCE (the identity
/// service's public <c>console</c> client). The tokens stay on the server side of the session: the
/// cookie holds them encrypted by Data Protection, the browser never reads them.
/// </summary>
public static class SignInSetup
{
    public const string ClientId = "console";

    /// <summary>Where the identity service returns the code; the identity service's Identity:ConsoleRedirectUris names it.</summary>
    public const string CallbackPath = "/signed-in";

    /// <summary>The services the console calls as the person: one scope each (the token's audiences).</summary>
    public static readonly string[] ServiceScopes =
        ["application", "bureau-review", "prison-approval", "scheduling", "notification", "audit-store", "identity-admin"];

    public static WebApplicationBuilder AddConsoleSignIn(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        var production = builder.Environment.IsProduction();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                // Sessions and cookies live in real time, whatever a training clock reads (as the services pin their token
                // checks): a cookie dated by a clock set months back would be expired in the browser at once.
                cookie.TimeProvider = TimeProvider.System;
                cookie.Cookie.Name = "visitation-console";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                // A working day at most; the identity service ends the session sooner (idle limit, sign-out elsewhere):
                // then the refresh is refused and the person signs in again.
                cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
                cookie.SlidingExpiration = false;
                // A page of another role: 403, which the error page explains (no redirect that would hide the address).
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.TimeProvider = TimeProvider.System;
                oidc.Authority = settings.Authority;
                // Plain HTTP only on a developer's machine or in the tests' loopback network.
                oidc.RequireHttpsMetadata = production;
                oidc.ClientId = ClientId;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                // The code comes back as a top-level GET (not form_post): the correlation and nonce cookies can then
                // be SameSite=Lax, which browsers keep without TLS too (SameSite=None needs Secure).
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
                {
                    cookie.SameSite = SameSiteMode.Lax;
                    cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                }

                oidc.CallbackPath = CallbackPath;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.Scope.Clear();
                oidc.Scope.Add("openid");
                oidc.Scope.Add("offline_access");
                foreach (var scope in ServiceScopes)
                {
                    oidc.Scope.Add(scope);
                }

                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = CallerClaims.Role;
                oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    // Back to the console's front page, which the identity service knows (Identity:ConsolePostLogoutRedirectUris).
                    context.ProtocolMessage.PostLogoutRedirectUri = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/";
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient(UserTokens.HttpClientName);
        builder.Services.AddScoped<UserTokens>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<RefreshGate>();
        return builder;
    }

    /// <summary><c>GET /signin</c>: the front page's sign-in link; back to the front page, whose menu fits every role.</summary>
    public static void MapSignIn(this WebApplication app) =>
        app.MapGet("/signin", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]));

    /// <summary>
    /// <c>POST /signout</c> (antiforgery-checked): ends the console's session, then the identity
    /// service's, whose end-session endpoint revokes every refresh token of the person.
    /// </summary>
    public static void MapSignOut(this WebApplication app) =>
        app.MapPost("/signout", () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
        .RequireAuthorization();
}
