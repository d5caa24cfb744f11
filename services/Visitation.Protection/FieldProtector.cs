using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Visitation.Protection.Keys;

namespace Visitation.Protection;

/// <summary>
/// Seals and opens field values and computes their blind index. A sealed value reads
/// <c>v{version}:{base64(nonce | ciphertext | tag)}</c>: the version names the key that opens it, so
/// values of several key versions live side by side while a rotation runs. The associated data is
/// the value's place (table, column, row identity): a value copied into another row or column no
/// longer opens.
/// </summary>
public sealed class FieldProtector(KeyRing ring)
{
    /// <summary>Whether the value has the sealed form (anything else is a value written before encryption).</summary>
    public static bool IsSealed(string? stored) => TryReadVersion(stored, out _, out _);

    /// <summary>Whether the value is sealed with the current key version.</summary>
    public bool IsCurrent(string? stored) => TryReadVersion(stored, out var version, out _) && version == ring.Current.Version;

    /// <summary>How every value sealed with the current key begins, e.g. <c>v2:</c>.</summary>
    public string CurrentPrefix => string.Create(CultureInfo.InvariantCulture, $"v{ring.Current.Version}:");

    public string Seal(string plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var key = ring.Current;
        var nonce = RandomNumberGenerator.GetBytes(key.Cipher.NonceSize);
        var sealedBytes = key.Cipher.Seal(key.Secret, nonce, Encoding.UTF8.GetBytes(plaintext), Encoding.UTF8.GetBytes(associatedData));
        return CurrentPrefix + Convert.ToBase64String([.. nonce, .. sealedBytes]);
    }

    /// <exception cref="CryptographicException">Not a sealed value, an unknown key version, or a value that fails its check (tampered, or moved from another place).</exception>
    public string Open(string stored, string associatedData)
    {
        if (!TryReadVersion(stored, out var version, out var payloadStart))
        {
            throw new CryptographicException("The value is not in the sealed form.");
        }

        var key = ring.Find(version) ?? throw new CryptographicException($"The value is sealed with key version {version}, which this service does not hold.");
        var payload = stored.AsSpan(payloadStart);
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(payload.Length)];
        if (!Convert.TryFromBase64Chars(payload, bytes, out var length) || length < key.Cipher.NonceSize + key.Cipher.TagSize)
        {
            throw new CryptographicException("The sealed value is malformed.");
        }

        var nonce = bytes[..key.Cipher.NonceSize];
        var plaintext = key.Cipher.Open(key.Secret, nonce, bytes[key.Cipher.NonceSize..length], Encoding.UTF8.GetBytes(associatedData));
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>
    /// The keyed hash of a value for equality lookups, base64. <paramref name="purpose"/> separates
    /// kinds of value (a phone and an ID number never share an index value); columns holding the
    /// same kind (an ID number in two tables) use the same purpose so their indexes can be compared.
    /// A purpose that names a shared index key (<see cref="ProtectionOptions.SharedIndexes"/>) is
    /// computed with that key, so every service holding it computes the same value.
    /// </summary>
    public string BlindIndex(string plaintext, string purpose)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(purpose);
        return Compute(ring.IndexKeyFor(purpose), plaintext, purpose);
    }

    /// <summary>
    /// The value's blind index under every live version of the purpose's key: the current one first,
    /// then, while a shared key is being rotated, the one it replaces. A lookup from a full number
    /// matches rows indexed (or keyed by another service) under either.
    /// </summary>
    public IReadOnlyList<string> BlindIndexes(string plaintext, string purpose)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(purpose);
        var key = ring.IndexKeyFor(purpose);
        return key.Previous is { } previous ? [Compute(key, plaintext, purpose), Compute(previous, plaintext, purpose)] : [Compute(key, plaintext, purpose)];
    }

    /// <summary>Whether the purpose's key is being rotated (a previous version is still live): indexes may need recomputing.</summary>
    public bool IsRotating(string purpose) => ring.IndexKeyFor(purpose).Previous is not null;

    private static string Compute(BlindIndexKey key, string plaintext, string purpose) =>
        Convert.ToBase64String(key.Hash.Compute(key.Secret, Encoding.UTF8.GetBytes($"{purpose}\0{plaintext}")));

    private static bool TryReadVersion(string? stored, out int version, out int payloadStart)
    {
        version = 0;
        payloadStart = 0;
        if (stored is null || stored.Length < 3 || stored[0] != 'v')
        {
            return false;
        }

        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        payloadStart = colon + 1;
        return colon > 1 && int.TryParse(stored.AsSpan(1, colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
