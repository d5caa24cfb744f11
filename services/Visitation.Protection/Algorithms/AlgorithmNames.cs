namespace Visitation.Protection.Algorithms;

/// <summary>The algorithms a key may name, by the name configuration uses.</summary>
public static class AlgorithmNames
{
    private static readonly IFieldCipher[] Ciphers = [new Sm4Gcm(), new Aes256Gcm()];
    private static readonly IKeyedHash[] Hashes = [new HmacSm3(), new HmacSha256()];

    public static IReadOnlyList<string> CipherNames { get; } = [.. Ciphers.Select(c => c.Name)];

    public static IReadOnlyList<string> HashNames { get; } = [.. Hashes.Select(h => h.Name)];

    public static IFieldCipher? Cipher(string? name) =>
        Ciphers.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public static IKeyedHash? Hash(string? name) =>
        Hashes.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
}
