using Visitation.Protection.Algorithms;

namespace Visitation.Protection.Keys;

/// <summary>
/// The keys a service holds: one current version that seals, older versions that still open, and
/// the blind index's key. Built once at start; a ring that cannot work stops the service there.
/// </summary>
public sealed class KeyRing
{
    private readonly Dictionary<int, FieldKey> _keys;

    private KeyRing(Dictionary<int, FieldKey> keys, FieldKey current, IKeyedHash indexHash, byte[] indexKey)
    {
        _keys = keys;
        Current = current;
        IndexHash = indexHash;
        IndexKey = indexKey;
    }

    public FieldKey Current { get; }

    public IKeyedHash IndexHash { get; }

    internal byte[] IndexKey { get; }

    public FieldKey? Find(int version) => _keys.GetValueOrDefault(version);

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
        var hash = AlgorithmNames.Hash(options.Index.Algorithm)
            ?? throw new InvalidOperationException($"Protection:Index names algorithm '{options.Index.Algorithm}'; known: {string.Join(", ", AlgorithmNames.HashNames)}.");
        var indexKey = Decode(options.Index.Secret, "the index key");
        if (indexKey.Length < 32)
        {
            throw new InvalidOperationException("Protection:Index:Secret must be at least 32 bytes.");
        }

        return new KeyRing(keys, current, hash, indexKey);
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

/// <summary>One version of the field key and the algorithm it seals with.</summary>
public sealed record FieldKey(int Version, IFieldCipher Cipher, byte[] Secret);
