using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Visitation.Identity.Accounts;
using Visitation.Identity.Clients;
using Visitation.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Visitation.Identity.Connect;

/// <summary>
/// <c>/connect/token</c>. Client credentials: the client's role and organisation. Code and refresh:
/// the account is read again, so a token is refused once the person was disabled, locked out, left
/// unused, idle too long, or their sessions ended (sign-out, role change, password reset: new stamp).
/// A refresh may name the <c>organisation</c> the person now acts for (the console's site switch); the
/// token then carries it as <c>org</c> only if the account holds it, and later refreshes keep it.
/// </summary>
internal static class TokenEndpoint
{
    /// <summary>The refresh grant's parameter naming the organisation (site) the person acts for from now on.</summary>
    public const string OrganisationParameter = "organisation";

    public static async Task<IResult> HandleAsync(
        HttpContext http,
        IOpenIddictApplicationManager applications,
        UserManager<StaffUser> users,
        AccountStanding standing,
        IOptions<IdentityServiceOptions> options,
        TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("The client vanished.");
            var properties = await applications.GetPropertiesAsync(client);
            var principal = TokenPrincipals.ForMachine(
                request.ClientId!,
                properties[ClientRegistration.RoleProperty].GetString()!,
                properties[ClientRegistration.OrganisationProperty].GetString()!,
                request.GetScopes());
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
            var user = await users.FindByIdAsync(granted.GetClaim(Claims.Subject)!);
            var refusal = user is null ? "账号不存在" : await RefusalAsync(user, granted, users, standing, options.Value, clock);
            if (refusal is not null)
            {
                // A refused refresh is audited as the invalid_grant goes out (RefreshRefusalAudit), like OpenIddict's own refusals.
                return AuthorizeEndpoint.Refuse(Errors.InvalidGrant, refusal);
            }

            // The site asked for, else the one the session acts for already; checked against the account as it is now.
            var actingFor = (request.IsRefreshTokenGrantType() ? (string?)request[OrganisationParameter] : null)
                ?? granted.GetClaim(Visitation.ServiceDefaults.Auth.CallerClaims.Organisation) ?? user!.OrganisationId;
            if (!user!.MayActFor(actingFor))
            {
                return AuthorizeEndpoint.Refuse(Errors.InvalidGrant, "该账号不能代表此机构办理");
            }

            await standing.TouchAsync(user);
            var principal = TokenPrincipals.ForUser(user, await users.GetSecurityStampAsync(user), granted.GetScopes(), actingFor);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return AuthorizeEndpoint.Refuse(Errors.UnsupportedGrantType, "不支持的授权方式");
    }

    private static async Task<string?> RefusalAsync(
        StaffUser user, ClaimsPrincipal granted, UserManager<StaffUser> users, AccountStanding standing, IdentityServiceOptions options, TimeProvider clock)
    {
        if (granted.GetClaim(TokenPrincipals.SecurityStampClaim) != await users.GetSecurityStampAsync(user))
        {
            return "会话已结束，请重新登录";
        }

        if (await users.IsLockedOutAsync(user))
        {
            return "账号已锁定";
        }

        if (granted.GetCreationDate() is { } issued && clock.GetUtcNow() - issued > options.IdleLimit)
        {
            return "会话空闲超时，请重新登录";
        }

        return await standing.RefusalAsync(user);
    }
}
