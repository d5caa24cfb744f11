using Visitation.Protection.Algorithms;

namespace Visitation.Protection.Keys;

/// <summary>
/// The keys a service holds: one current version that seals, older versions that still open, and
/// the blind index's key. Built once at start; a ring that cannot work stops the service there.
/// </summary>
public sealed class KeyRing
{
    private readonly Dictionary<int, FieldKey> _keys;

    private readonly Dictionary<string, BlindIndexKey> _shared;

    private KeyRing(Dictionary<int, FieldKey> keys, FieldKey current, IKeyedHash indexHash, byte[] indexKey, Dictionary<string, BlindIndexKey> shared)
    {
        _keys = keys;
        Current = current;
        IndexHash = indexHash;
        IndexKey = indexKey;
        _shared = shared;
    }

    public FieldKey Current { get; }

    public IKeyedHash IndexHash { get; }

    internal byte[] IndexKey { get; }

    public FieldKey? Find(int version) => _keys.GetValueOrDefault(version);

    /// <summary>The names of the blind-index keys this service shares with others.</summary>
    public IReadOnlyCollection<string> SharedIndexNames => _shared.Keys;

    /// <summary>The key a blind index of this purpose is computed with: the shared key of that name, else the service's own.</summary>
    internal BlindIndexKey IndexKeyFor(string purpose) => _shared.GetValueOrDefault(purpose) ?? new BlindIndexKey(IndexHash, IndexKey);

    /// <summary>The ring the options describe (after <see cref="KeyFile.Resolve"/>).</summary>
    /// <exception cref="InvalidOperationException">The ring is incomplete or a key does not fit its algorithm; the message says which.</exception>
    public static KeyRing From(ProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = new Dictionary<int, FieldKey>();
        foreach (var key in options.Keys)
        {
            var cipher = AlgorithmNames.Cipher(key.Algorithm)
                ?? throw new InvalidOperationException($"Protection key v{key.Version} names algorithm '{key.Algorithm}'; known: {string.Join(", ", AlgorithmNames.CipherNames)}.");
            var secret = Decode(key.Secret, $"key v{key.Version}");
            if (key.Version <= 0 || secret.Length != cipher.KeySize || !keys.TryAdd(key.Version, new FieldKey(key.Version, cipher, secret)))
            {
                throw new InvalidOperationException(
                    $"Protection key v{key.Version} is not usable: versions are positive and unique, and {cipher.Name} needs a {cipher.KeySize}-byte secret.");
            }
        }

        var current = keys.GetValueOrDefault(options.CurrentVersion)
            ?? throw new InvalidOperationException($"Protection:CurrentVersion {options.CurrentVersion} is not among the keys (set Protection:KeyFile or Protection:Keys).");
        if (options.Index.Previous is not null)
        {
            throw new InvalidOperationException("Protection:Index:Previous is not supported: a service's own index key changes only with a full re-index.");
        }

        var own = IndexKeyOf(options.Index, "Protection:Index");
        var shared = options.SharedIndexes.ToDictionary(s => s.Key, s => SharedKeyOf(s.Value, $"Protection:SharedIndexes:{s.Key}"), StringComparer.Ordinal);
        return new KeyRing(keys, current, own.Hash, own.Secret, shared);
    }

    /// <summary>A shared key, with the key it replaces while its rotation runs.</summary>
    private static BlindIndexKey SharedKeyOf(IndexKeyOptions options, string section) =>
        IndexKeyOf(options, section) with { Previous = options.Previous is { } previous ? IndexKeyOf(previous, section + ":Previous") : null };

    private static BlindIndexKey IndexKeyOf(IndexKeyOptions options, string section)
    {
        var hash = AlgorithmNames.Hash(options.Algorithm)
            ?? throw new InvalidOperationException($"{section} names algorithm '{options.Algorithm}'; known: {string.Join(", ", AlgorithmNames.HashNames)}.");
        var secret = Decode(options.Secret, $"{section}:Secret");
        if (secret.Length < 32)
        {
            throw new InvalidOperationException($"{section}:Secret must be at least 32 bytes.");
        }

        return new BlindIndexKey(hash, secret);
    }

    private static byte[] Decode(string base64, string what)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Protection: {what} is not base64.");
        }
    }
}

/// <summary>A blind-index key and the keyed hash it is used with; for a shared key being rotated, the key it replaces.</summary>
internal sealed record BlindIndexKey(IKeyedHash Hash, byte[] Secret, BlindIndexKey? Previous = null);

/// <summary>One version of the field key and the algorithm it seals with.</summary>
public sealed record FieldKey(int Version, IFieldCipher Cipher, byte[] Secret);
