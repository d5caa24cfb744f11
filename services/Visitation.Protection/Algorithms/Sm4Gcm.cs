using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Visitation.Protection.Algorithms;

/// <summary>
/// SM4 (GB/T 32907-2016) in GCM mode, as RFC 8998 specifies it for TLS: the default, since GB/T
/// 39786-2021 expects the commercial (SM) algorithms of a Chinese government system. From BouncyCastle;
/// .NET has no SM4.
/// </summary>
public sealed class Sm4Gcm : IFieldCipher
{
    public const string AlgorithmName = "SM4-GCM";

    public string Name => AlgorithmName;

    public int KeySize => 16;

    public byte[] Seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) =>
        Run(forEncryption: true, key, nonce, plaintext, associatedData);

    public byte[] Open(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData)
    {
        try
        {
            return Run(forEncryption: false, key, nonce, ciphertextAndTag, associatedData);
        }
        catch (InvalidCipherTextException ex)
        {
            // The same exception type as AES-GCM's, so callers handle one failure whatever the algorithm.
            throw new CryptographicException("The protected value failed its authentication check.", ex);
        }
    }

    private byte[] Run(bool forEncryption, byte[] key, byte[] nonce, byte[] input, byte[] associatedData)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(forEncryption, new AeadParameters(new KeyParameter(key), ((IFieldCipher)this).TagSize * 8, nonce, associatedData));
        var output = new byte[gcm.GetOutputSize(input.Length)];
        var written = gcm.ProcessBytes(input, 0, input.Length, output, 0);
        written += gcm.DoFinal(output, written);
        return written == output.Length ? output : output[..written];
    }
}
