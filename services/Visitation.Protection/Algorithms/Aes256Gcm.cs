using System.Security.Cryptography;

namespace Visitation.Protection.Algorithms;

/// <summary>AES-256 in GCM mode (NIST SP 800-38D), from .NET itself: the alternative a key may name.</summary>
public sealed class Aes256Gcm : IFieldCipher
{
    public const string AlgorithmName = "AES-256-GCM";

    private const int TagBytes = 16;

    public string Name => AlgorithmName;

    public int KeySize => 32;

    public byte[] Seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData)
    {
        using var aes = new AesGcm(key, TagBytes);
        var output = new byte[plaintext.Length + TagBytes];
        aes.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), associatedData);
        return output;
    }

    public byte[] Open(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData)
    {
        if (ciphertextAndTag.Length < TagBytes)
        {
            throw new CryptographicException("The protected value is shorter than its tag.");
        }

        using var aes = new AesGcm(key, TagBytes);
        var length = ciphertextAndTag.Length - TagBytes;
        var plaintext = new byte[length];
        aes.Decrypt(nonce, ciphertextAndTag.AsSpan(0, length), ciphertextAndTag.AsSpan(length), plaintext, associatedData);
        return plaintext;
    }
}
