namespace Visitation.Protection.Keys;

/// <summary>
/// The <c>Protection</c> section: the key ring, either inline (from environment variables or a
/// secret store) or in a key file outside the database and outside the repository
/// (<see cref="KeyFile"/>, whose JSON has this section's shape). Never in appsettings.json.
/// </summary>
public sealed class ProtectionOptions
{
    public const string Section = "Protection";

    /// <summary>A JSON file holding <see cref="CurrentVersion"/>, <see cref="Keys"/> and <see cref="Index"/>; when set, they come from it.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The version new values are sealed with; older versions in <see cref="Keys"/> still open.</summary>
    public int CurrentVersion { get; set; }

    public List<FieldKeyOptions> Keys { get; set; } = [];

    public IndexKeyOptions Index { get; set; } = new();

    /// <summary>
    /// Blind-index keys shared with other services, by name: a blind index whose purpose is one of
    /// these names is computed with that key instead of the service's own <see cref="Index"/> key,
    /// so the services holding it compute the same value for the same number (e.g. <c>visitor</c>,
    /// held by the application and prison-approval services only). While one is being replaced, its
    /// <see cref="IndexKeyOptions.Previous"/> is the key it replaces: lookups match either, and the
    /// sweep re-indexes the rows it can open (docs/data-minimisation.md, "Rotating the visitor key").
    /// </summary>
    public Dictionary<string, IndexKeyOptions> SharedIndexes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Rows the re-encryption sweep rewrites per transaction.</summary>
    public int SweepBatchSize { get; set; } = 200;

    /// <summary>How often the sweep looks for rows not yet on the current key (it also runs at start).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>One version of the field key.</summary>
public sealed class FieldKeyOptions
{
    public int Version { get; set; }

    /// <summary><c>SM4-GCM</c> (the default) or <c>AES-256-GCM</c>.</summary>
    public string Algorithm { get; set; } = Algorithms.Sm4Gcm.AlgorithmName;

    /// <summary>The key, base64: 16 bytes for SM4, 32 for AES-256.</summary>
    public string Secret { get; set; } = string.Empty;
}

/// <summary>
/// A blind index's key. A service's own index key has no versions: a new one changes every index
/// value, so it is changed only with a full re-index (docs/encryption-at-rest.md). A shared one may
/// name the key it replaces (<see cref="Previous"/>) for the window of its rotation.
/// </summary>
public sealed class IndexKeyOptions
{
    /// <summary><c>HMAC-SM3</c> (the default) or <c>HMAC-SHA-256</c>.</summary>
    public string Algorithm { get; set; } = Algorithms.HmacSm3.AlgorithmName;

    /// <summary>The key, base64, at least 32 bytes.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>
    /// Shared keys only: the key this one replaces, still matched during the rotation window;
    /// null outside a rotation. Its own <c>Previous</c> is not read (one rotation at a time).
    /// </summary>
    public IndexKeyOptions? Previous { get; set; }
}
