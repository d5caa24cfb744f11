using System.Security.Cryptography;
using System.Text.Json;
using Visitation.Identity.Signing;
using Visitation.Protection.Keys;

namespace Visitation.Deployment.Tests.Hosts;

/// <summary>
/// Files that stand in for the two secrets a host reads as files, made the way production makes them,
/// since their placeholders would not open: a protection key file (deploy/protection-keys.sh's shape, the
/// visitor key shared) and an identity signing key (the identity service's own <see cref="SigningKeyFolder"/>).
/// Every other secret file is written with its placeholder.
/// </summary>
internal static class SecretStandIns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Writes the stand-in of a secret mounted at <paramref name="folder"/>; false when it has none.</summary>
    public static bool TryWrite(string secretName, string folder, IReadOnlyDictionary<string, string> environment)
    {
        if (secretName.EndsWith("-protection", StringComparison.Ordinal))
        {
            File.WriteAllText(Path.Combine(folder, "keys.json"), JsonSerializer.Serialize(KeyFileContent(), Json));
            return true;
        }

        if (secretName == "identity-signing-keys")
        {
            // Opened with the password the pod is given (Identity:KeyPassword, from the secret identity-signing).
            var password = environment.GetValueOrDefault("Identity__KeyPassword") ?? string.Empty;
            SigningKeyFolder.Create(folder, password, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(365 * 80));
            return true;
        }

        return false;
    }

    private static ProtectionOptions KeyFileContent() => new()
    {
        CurrentVersion = 1,
        Keys = [new FieldKeyOptions { Version = 1, Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)) }],
        Index = new IndexKeyOptions { Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
        SharedIndexes = { ["visitor"] = new IndexKeyOptions { Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) } },
    };
}
