using System.ComponentModel.DataAnnotations;

namespace Visitation.ServiceDefaults.Auth;

/// <summary>
/// JWT settings. Every environment but Testing names the identity service as <see cref="Authority"/>
/// and the service's own <see cref="Audience"/>; tokens are then checked against its published keys.
/// Only the Testing environment may instead accept the test project's symmetric (HS256) tokens,
/// signed with <see cref="SigningKey"/>. Validated at start-up: a service with unusable settings does not start.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The key the test project's token issuer signs with; accepted only in the Testing environment.</summary>
    public const string TestingSigningKey = "visitation-testing-signing-key-never-accepted-outside-tests";

    /// <summary>The identity service (OpenID Connect issuer), e.g. <c>http://127.0.0.1:5106/</c>.</summary>
    [Url]
    public string? Authority { get; set; }

    /// <summary>The issuer of symmetric test tokens (Testing only, without an authority).</summary>
    [Required]
    public string Issuer { get; set; } = "visitation-testing";

    /// <summary>This service's audience, e.g. <c>visitation-application</c>: a token for another service is refused.</summary>
    [Required]
    public string Audience { get; set; } = string.Empty;

    /// <summary>HS256 needs a key of at least 256 bits; a shorter one would fail every token, not the start.</summary>
    [Required]
    [MinLength(32)]
    public string SigningKey { get; set; } = TestingSigningKey;
}
