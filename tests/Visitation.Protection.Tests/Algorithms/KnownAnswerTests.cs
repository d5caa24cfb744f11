using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Visitation.Protection.Algorithms;

namespace Visitation.Protection.Tests.Algorithms;

/// <summary>Each algorithm against a published vector: a wrong mode, byte order or key schedule cannot pass.</summary>
public sealed class KnownAnswerTests
{
    [Fact]
    public void Sm4EncryptsTheBlockOfGbT32907ExampleOne()
    {
        // GB/T 32907-2016 appendix A, example 1: key = plaintext = 0123456789abcdeffedcba9876543210.
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210")));
        var block = new byte[16];
        engine.ProcessBlock(Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210"), 0, block, 0);

        Assert.Equal("681EDF34D206965E86B3E94F536E4246", Convert.ToHexString(block));
    }

    [Fact]
    public void Sm4GcmSealsTheVectorOfRfc8998()
    {
        // RFC 8998 appendix A.1 (SM4-GCM).
        var key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        var nonce = Convert.FromHexString("00001234567800000000ABCD");
        var plaintext = Convert.FromHexString(
            "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        var associatedData = Convert.FromHexString("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        var cipher = new Sm4Gcm();

        var sealedBytes = cipher.Seal(key, nonce, plaintext, associatedData);

        Assert.Equal(
            "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
            + "83DE3541E4C2B58177E065A9BF7B62EC",
            Convert.ToHexString(sealedBytes));
        Assert.Equal(plaintext, cipher.Open(key, nonce, sealedBytes, associatedData));
    }

    [Fact]
    public void Aes256GcmSealsTheVectorOfTheGcmSpecification()
    {
        // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 16 (AES-256, 96-bit IV,
        // associated data), as in NIST's GCM validation vectors.
        var key = Convert.FromHexString("FEFFE9928665731C6D6A8F9467308308FEFFE9928665731C6D6A8F9467308308");
        var nonce = Convert.FromHexString("CAFEBABEFACEDBADDECAF888");
        var plaintext = Convert.FromHexString(
            "D9313225F88406E5A55909C5AFF5269A86A7A9531534F7DA2E4C303D8A318A721C3C0C95956809532FCF0E2449A6B525B16AEDF5AA0DE657BA637B39");
        var associatedData = Convert.FromHexString("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        var cipher = new Aes256Gcm();

        var sealedBytes = cipher.Seal(key, nonce, plaintext, associatedData);

        Assert.Equal(
            "522DC1F099567D07F47F37A32A84427D643A8CDCBFE5C0C97598A2BD2555D1AA8CB08E48590DBB3DA7B08B1056828838C5F61E6393BA7A0ABCC9F662"
            + "76FC6ECE0F4E1768CDDF8853BB2D551B",
            Convert.ToHexString(sealedBytes));
        Assert.Equal(plaintext, cipher.Open(key, nonce, sealedBytes, associatedData));
    }

    [Fact]
    public void HmacSm3ComputesTheVectorOfGmT0042()
    {
        // GM/T 0042-2015 appendix D.3, first vector.
        var key = Convert.FromHexString("0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20");
        var data = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 2)));

        Assert.Equal("CA05E144ED05D1857840D1F318A4A8669E559FC8391F414485BFDF7BB408963A", Convert.ToHexString(new HmacSm3().Compute(key, data)));
    }

    [Fact]
    public void HmacSha256ComputesTheVectorOfRfc4231()
    {
        // RFC 4231 test case 2.
        var key = System.Text.Encoding.ASCII.GetBytes("Jefe");
        var data = System.Text.Encoding.ASCII.GetBytes("what do ya want for nothing?");

        Assert.Equal("5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843", Convert.ToHexString(new HmacSha256().Compute(key, data)));
    }
}
