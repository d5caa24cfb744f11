using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Visitation.Protection.Algorithms;

/// <summary>HMAC over SM3 (GB/T 32905-2016; HMAC-SM3 as GM/T 0042-2015 gives it): the default blind index.</summary>
public sealed class HmacSm3 : IKeyedHash
{
    public const string AlgorithmName = "HMAC-SM3";

    public string Name => AlgorithmName;

    public byte[] Compute(byte[] key, byte[] data)
    {
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data, 0, data.Length);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return output;
    }
}
