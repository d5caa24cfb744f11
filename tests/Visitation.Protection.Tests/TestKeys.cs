using System.Security.Cryptography;
using Visitation.Protection.Algorithms;
using Visitation.Protection.Keys;

namespace Visitation.Protection.Tests;

/// <summary>Key rings the tests generate for themselves: fresh random keys, never a key from the repository.</summary>
internal static class TestKeys
{
    public static readonly string IndexSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static FieldKeyOptions Key(int version, string algorithm = Sm4Gcm.AlgorithmName) => new()
    {
        Version = version,
        Algorithm = algorithm,
        Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(AlgorithmNames.Cipher(algorithm)!.KeySize)),
    };

    public static ProtectionOptions Ring(int current, params FieldKeyOptions[] keys) => Ring(current, HmacSm3.AlgorithmName, keys);

    public static ProtectionOptions Ring(int current, string indexAlgorithm, params FieldKeyOptions[] keys) => new()
    {
        CurrentVersion = current,
        Keys = [.. keys],
        Index = new IndexKeyOptions { Algorithm = indexAlgorithm, Secret = IndexSecret },
    };

    public static FieldProtector Protector(ProtectionOptions options) => new(KeyRing.From(options));
}
