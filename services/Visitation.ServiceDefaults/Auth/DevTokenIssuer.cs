using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Visitation.ServiceDefaults.Auth;

/// <summary>
/// The development issuer: mints the tokens that local runs, the demo and the tests present.
/// Production trusts an external OIDC provider instead (see <see cref="AuthOptions.Authority"/>).
/// Tokens are stamped by the real clock, as a provider's are and as the services check them (see
/// <c>AuthExtensions</c>), even when the services run on a test or training clock; <c>realClock</c>
/// exists only so a test can mint a token that expired or is not yet valid.
/// </summary>
public static class DevTokenIssuer
{
    public static string Issue(string subject, string role, string organisationId, AuthOptions? options = null, TimeSpan? lifetime = null, TimeProvider? realClock = null)
    {
        options ??= new AuthOptions();
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey));
        var issuedAt = (realClock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.Add(lifetime ?? TimeSpan.FromHours(8)),
            Subject = new ClaimsIdentity(
            [
                new Claim(CallerClaims.Subject, subject),
                new Claim(CallerClaims.Role, role),
                new Claim(CallerClaims.Organisation, organisationId),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
