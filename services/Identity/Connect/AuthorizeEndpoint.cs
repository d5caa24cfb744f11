using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Visitation.Identity.Accounts;
using Visitation.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Visitation.Identity.Connect;

/// <summary>
/// <c>/connect/authorize</c> (authorization code with PKCE; OpenIddict has checked the client, the
/// redirect address and the S256 challenge). A code is issued only to a session that completed the
/// second factor (<c>amr=mfa</c>): every role is staff, and a password alone is not enough.
/// </summary>
internal static class AuthorizeEndpoint
{
    public const string MultiFactor = "mfa";

    public static async Task<IResult> HandleAsync(HttpContext http, UserManager<StaffUser> users, AccountStanding standing)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        if (user is null || await standing.RefusalAsync(user) is not null)
        {
            return request.HasPromptValue(PromptValues.None) ? Refuse(Errors.LoginRequired, "需要登录") : SignInFirst(http);
        }

        if (!session.Principal!.HasClaim("amr", MultiFactor))
        {
            // Password checked, second factor not enrolled yet: enrol, then come back.
            return Results.Redirect("/account/enrol?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl(http)));
        }

        var principal = TokenPrincipals.ForUser(user, await users.GetSecurityStampAsync(user), request.GetScopes());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult SignInFirst(HttpContext http) =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrl(http) }, [IdentityConstants.ApplicationScheme]);

    private static string ReturnUrl(HttpContext http) =>
        http.Request.PathBase + http.Request.Path + QueryString.Create(
            http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList());

    internal static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
