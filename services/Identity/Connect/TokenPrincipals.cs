using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Visitation.Identity.Accounts;
using Visitation.Identity.Data;
using Visitation.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Visitation.Identity.Connect;

/// <summary>
/// The principal a token is made from: <c>sub</c>, <c>role</c>, <c>org</c> (OpenIddict adds
/// <c>client_id</c>), the granted scopes and, per scope, the service audience. Only those claims
/// reach the access token; the security stamp stays in the code and refresh token, where the token
/// endpoint compares it with the account's.
/// </summary>
public static class TokenPrincipals
{
    public const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    public static ClaimsPrincipal ForUser(StaffUser user, string securityStamp, IEnumerable<string> scopes) =>
        Build(user.Id, user.Role, user.OrganisationId, scopes, identity => identity
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(SecurityStampClaim, securityStamp));

    public static ClaimsPrincipal ForMachine(string clientId, string role, string organisationId, IEnumerable<string> scopes) =>
        Build(clientId, role, organisationId, scopes, _ => { });

    private static ClaimsPrincipal Build(string subject, string role, string organisationId, IEnumerable<string> scopes, Action<ClaimsIdentity> more)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(CallerClaims.Role, role)
            .SetClaim(CallerClaims.Organisation, organisationId);
        more(identity);
        var granted = scopes.ToList();
        identity.SetScopes(granted);
        identity.SetResources(ServiceScopes.AudiencesOf(granted));
        identity.SetDestinations(Destinations);
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        Claims.Subject or CallerClaims.Role or CallerClaims.Organisation => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name => [OpenIddictConstants.Destinations.IdentityToken],
        _ => [],
    };
}
