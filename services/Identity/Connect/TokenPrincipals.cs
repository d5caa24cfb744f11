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
/// endpoint compares it with the account's. A person allowed several sites gets the one they act
/// for as <c>org</c> and, in the identity token only, every site they may pick (<c>site</c>).
/// </summary>
public static class TokenPrincipals
{
    public const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    public const string SiteClaim = "site";

    /// <summary>The person's token acting for <paramref name="actingFor"/> (their own organisation unless they picked one of their sites).</summary>
    public static ClaimsPrincipal ForUser(StaffUser user, string securityStamp, IEnumerable<string> scopes, string? actingFor = null) =>
        Build(user.Id, user.Role, actingFor ?? user.OrganisationId, scopes, identity =>
        {
            identity.SetClaim(Claims.Name, user.UserName).SetClaim(SecurityStampClaim, securityStamp);
            if (user.OtherOrganisationIds.Count > 0)
            {
                identity.SetClaims(SiteClaim, [user.OrganisationId, .. user.OtherOrganisationIds]);
            }
        });

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
        Claims.Name or SiteClaim => [OpenIddictConstants.Destinations.IdentityToken],
        _ => [],
    };
}
