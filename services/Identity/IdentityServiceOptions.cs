using System.ComponentModel.DataAnnotations;
using Visitation.Messaging;

namespace Visitation.Identity;

/// <summary>The identity service's settings (section <c>Identity</c>), validated as it starts.</summary>
public sealed class IdentityServiceOptions
{
    public const string Section = "Identity";

    /// <summary>The issuer every token names and every service trusts, e.g. <c>https://id.example.gov.cn/</c>.</summary>
    [Required]
    [Url]
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The folder of signing keys (<c>*.pfx</c>); see docs/identity.md for rotation.</summary>
    [Required]
    public string KeyFolder { get; set; } = string.Empty;

    /// <summary>The password of the PFX files (a secret: from the environment, never from a file in the repository).</summary>
    public string KeyPassword { get; set; } = string.Empty;

    /// <summary>Where the web console may receive its authorization code.</summary>
    public List<string> ConsoleRedirectUris { get; set; } = [];

    /// <summary>Where the web console may be sent after signing out.</summary>
    public List<string> ConsolePostLogoutRedirectUris { get; set; } = [];

    /// <summary>A JSON file of accounts and machine clients created at start if missing (see <c>Seeding/SeedFile</c>).</summary>
    public string? SeedFile { get; set; }

    /// <summary>Access token lifetime: at most 15 minutes.</summary>
    [PositiveDuration]
    [Range(typeof(TimeSpan), "00:00:01", "00:15:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Absolute session limit: a refresh token never outlives the sign-in by more than this.</summary>
    [PositiveDuration]
    public TimeSpan SessionLimit { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Idle limit: a session unused this long ends (refresh refused, login cookie expired).</summary>
    [PositiveDuration]
    public TimeSpan IdleLimit { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>An account unused this long is disabled at its next attempt (GB/T 22239 §8.1.4.1).</summary>
    [PositiveDuration]
    public TimeSpan InactivityLimit { get; set; } = TimeSpan.FromDays(90);
}
