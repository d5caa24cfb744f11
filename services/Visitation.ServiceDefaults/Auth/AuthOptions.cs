using System.ComponentModel.DataAnnotations;

namespace Visitation.ServiceDefaults.Auth;

/// <summary>
/// JWT settings. Production names an OIDC <see cref="Authority"/>; local runs and tests use the
/// documented development issuer, which signs with <see cref="SigningKey"/> (HS256).
/// Validated at start-up: a service with unusable settings does not start.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The key of the development issuer; documented in the README, never used in production.</summary>
    public const string DevelopmentSigningKey = "visitation-development-signing-key-not-for-production-use";

    [Url]
    public string? Authority { get; set; }

    [Required]
    public string Issuer { get; set; } = "visitation-dev";

    [Required]
    public string Audience { get; set; } = "visitation";

    /// <summary>HS256 needs a key of at least 256 bits; a shorter one would fail every token, not the start.</summary>
    [Required]
    [MinLength(32)]
    public string SigningKey { get; set; } = DevelopmentSigningKey;
}
