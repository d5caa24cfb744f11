using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Visitation.Identity.Accounts;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// The test issuer: mints the HS256 tokens the in-process services accept in the Testing environment
/// (and nowhere else: see <c>AuthExtensions</c>). One token is addressed to all five services, so a
/// test acts as one person across the chain. Tokens are stamped by the real clock, as the identity
/// service's are and as the services check them, even when the services run on a test clock;
/// <c>realClock</c> exists only so a test can mint a token that expired or is not yet valid.
/// </summary>
public static class DevTokenIssuer
{
    public static string Issue(string subject, string role, string organisationId, AuthOptions? options = null, TimeSpan? lifetime = null, TimeProvider? realClock = null)
    {
        options ??= new AuthOptions();
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey));
        var issuedAt = (realClock ?? TokenClock.Real).GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.Add(lifetime ?? TimeSpan.FromHours(8)),
            Subject = new ClaimsIdentity(
            [
                new Claim(CallerClaims.Subject, subject),
                new Claim(CallerClaims.Role, role),
                new Claim(CallerClaims.Organisation, organisationId),
                .. ServiceScopes.Audiences.Values.Select(audience => new Claim(JwtRegisteredClaimNames.Aud, audience)),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
