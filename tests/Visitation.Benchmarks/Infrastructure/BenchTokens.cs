using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Benchmarks.Infrastructure;

/// <summary>
/// Tokens for the staff the benchmark plays, one per role and organisation, signed with the Testing
/// environment's symmetric key (<see cref="AuthOptions.TestingSigningKey"/>), which only services in that
/// environment accept. Addressed to the five services' audiences; valid for the run.
/// </summary>
public sealed class BenchTokens(TimeProvider realClock)
{
    private static readonly string[] Audiences =
        ["visitation-application", "visitation-bureau-review", "visitation-prison-approval", "visitation-scheduling", "visitation-notification"];

    private readonly ConcurrentDictionary<(string Role, string Organisation), string> _tokens = new();
    private readonly SigningCredentials _credentials = new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(AuthOptions.TestingSigningKey)), SecurityAlgorithms.HmacSha256);

    public string For(string role, string organisation) => _tokens.GetOrAdd((role, organisation), Issue);

    private string Issue((string Role, string Organisation) caller)
    {
        var now = realClock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = new AuthOptions().Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(4),
            Subject = new ClaimsIdentity(
            [
                new Claim(CallerClaims.Subject, $"bench-{caller.Role}@{caller.Organisation}"),
                new Claim(CallerClaims.Role, caller.Role),
                new Claim(CallerClaims.Organisation, caller.Organisation),
                .. Audiences.Select(audience => new Claim(JwtRegisteredClaimNames.Aud, audience)),
            ]),
            SigningCredentials = _credentials,
        });
    }
}
