namespace Visitation.ServiceDefaults.Auth;

/// <summary>
/// JWT settings. Production names an OIDC <see cref="Authority"/>; local runs and tests use the
/// documented development issuer, which signs with <see cref="SigningKey"/> (HS256).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The key of the development issuer; documented in the README, never used in production.</summary>
    public const string DevelopmentSigningKey = "visitation-development-signing-key-not-for-production-use";

    public string? Authority { get; set; }
    public string Issuer { get; set; } = "visitation-dev";
    public string Audience { get; set; } = "visitation";
    public string SigningKey { get; set; } = DevelopmentSigningKey;
}
