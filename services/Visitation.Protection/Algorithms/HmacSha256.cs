using System.Security.Cryptography;

namespace Visitation.Protection.Algorithms;

/// <summary>HMAC-SHA-256 (RFC 2104, FIPS 180-4), from .NET itself: the alternative blind index.</summary>
public sealed class HmacSha256 : IKeyedHash
{
    public const string AlgorithmName = "HMAC-SHA-256";

    public string Name => AlgorithmName;

    public byte[] Compute(byte[] key, byte[] data) => HMACSHA256.HashData(key, data);
}
