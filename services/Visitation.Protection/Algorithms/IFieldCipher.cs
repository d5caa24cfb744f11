namespace Visitation.Protection.Algorithms;

/// <summary>
/// Authenticated encryption of one field value with associated data (an AEAD): what it returns is
/// the ciphertext followed by its tag; opening fails if a single bit of either, or of the associated
/// data, differs from what was sealed.
/// </summary>
public interface IFieldCipher
{
    /// <summary>The name a key names its algorithm by, e.g. <c>SM4-GCM</c>.</summary>
    string Name { get; }

    /// <summary>The key's length in bytes.</summary>
    int KeySize { get; }

    /// <summary>The nonce's length in bytes: 12, GCM's own size (no extra GHASH of the nonce).</summary>
    int NonceSize => 12;

    /// <summary>The tag's length in bytes: 16, GCM's full tag.</summary>
    int TagSize => 16;

    byte[] Seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The value, its tag or the associated data is not what was sealed.</exception>
    byte[] Open(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData);
}
