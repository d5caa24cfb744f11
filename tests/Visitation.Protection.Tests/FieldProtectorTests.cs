using System.Security.Cryptography;
using Visitation.Protection.Algorithms;
using Visitation.Protection.Keys;

namespace Visitation.Protection.Tests;

/// <summary>The sealed form: fresh nonces, a stable blind index, key versions, and refusal of anything altered or moved.</summary>
public sealed class FieldProtectorTests
{
    private const string Id = "11010519491231002X";
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
    private const string Place = "application_visitors.id_number:0198c0de-0000-7000-8000-000000000001/0";

    public static TheoryData<string, string> Algorithms => new()
    {
        { Sm4Gcm.AlgorithmName, HmacSm3.AlgorithmName },
        { Aes256Gcm.AlgorithmName, HmacSha256.AlgorithmName },
    };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void TwoSealsOfOneValueDifferWhileTheirBlindIndexMatches(string cipher, string hash)
    {
        var protector = TestKeys.Protector(TestKeys.Ring(1, hash, TestKeys.Key(1, cipher)));

        var first = protector.Seal(Id, Place);
        var second = protector.Seal(Id, Place);

        Assert.NotEqual(first, second);
        Assert.Equal(protector.BlindIndex(Id, "id-number"), protector.BlindIndex(Id, "id-number"));
        Assert.Equal(Id, protector.Open(first, Place));
        Assert.Equal(Id, protector.Open(second, Place));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void ASealedValueCarriesItsKeyVersionAndNoDigitsOfTheNumber(string cipher, string hash)
    {
        var protector = TestKeys.Protector(TestKeys.Ring(7, hash, TestKeys.Key(7, cipher)));

        var sealedValue = protector.Seal(Id, Place);

        Assert.StartsWith("v7:", sealedValue, StringComparison.Ordinal);
        Assert.DoesNotContain(Id, sealedValue, StringComparison.Ordinal);
        Assert.True(protector.IsCurrent(sealedValue));
    }

    [Fact]
    public void TheBlindIndexDependsOnTheKeyAndThePurpose()
    {
        var protector = TestKeys.Protector(TestKeys.Ring(1, TestKeys.Key(1)));
        var otherIndexKey = TestKeys.Ring(1, TestKeys.Key(1));
        otherIndexKey.Index.Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        Assert.NotEqual(protector.BlindIndex(Id, "id-number"), protector.BlindIndex(Id, "phone"));
        Assert.NotEqual(protector.BlindIndex(Id, "id-number"), TestKeys.Protector(otherIndexKey).BlindIndex(Id, "id-number"));
        Assert.NotEqual(protector.BlindIndex(Id, "id-number"), protector.BlindIndex("110105194912310038", "id-number"));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void AValueMovedToAnotherRowDoesNotOpen(string cipher, string hash)
    {
        var protector = TestKeys.Protector(TestKeys.Ring(1, hash, TestKeys.Key(1, cipher)));
        var sealedValue = protector.Seal(Id, Place);

        Assert.ThrowsAny<CryptographicException>(() => protector.Open(sealedValue, Place.Replace("/0", "/1", StringComparison.Ordinal)));
        Assert.ThrowsAny<CryptographicException>(() => protector.Open(sealedValue, "application_visitors.phone:0198c0de-0000-7000-8000-000000000001/0"));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void AnyAlteredByteIsRefused(string cipher, string hash)
    {
        var protector = TestKeys.Protector(TestKeys.Ring(1, hash, TestKeys.Key(1, cipher)));
        var sealedValue = protector.Seal(Id, Place);
        var bytes = Convert.FromBase64String(sealedValue[3..]);

        for (var i = 0; i < bytes.Length; i++)
        {
            var altered = (byte[])bytes.Clone();
            altered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => protector.Open("v1:" + Convert.ToBase64String(altered), Place));
        }

        Assert.ThrowsAny<CryptographicException>(() => protector.Open("v1:" + Convert.ToBase64String(bytes[..^1]), Place));
    }

    [Fact]
    public void AfterRotationOldValuesStillOpenAndNewOnesCarryTheNewVersion()
    {
        var v1 = TestKeys.Key(1);
        var before = TestKeys.Protector(TestKeys.Ring(1, v1));
        var old = before.Seal(Id, Place);
        var after = TestKeys.Protector(TestKeys.Ring(2, v1, TestKeys.Key(2, Aes256Gcm.AlgorithmName)));

        var renewed = after.Seal(after.Open(old, Place), Place);

        Assert.Equal(Id, after.Open(old, Place));
        Assert.False(after.IsCurrent(old));
        Assert.StartsWith("v2:", renewed, StringComparison.Ordinal);
        Assert.Equal(Id, after.Open(renewed, Place));
        Assert.Equal(before.BlindIndex(Id, "id-number"), after.BlindIndex(Id, "id-number"));
    }

    [Fact]
    public void AValueOfAKeyVersionTheServiceDoesNotHoldIsRefused()
    {
        var newer = TestKeys.Protector(TestKeys.Ring(3, TestKeys.Key(3))).Seal(Id, Place);
        var older = TestKeys.Protector(TestKeys.Ring(1, TestKeys.Key(1)));

        var refused = Assert.ThrowsAny<CryptographicException>(() => older.Open(newer, Place));
        Assert.Contains("version 3", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameVersionWithAnotherKeyDoesNotOpen()
    {
        var sealedValue = TestKeys.Protector(TestKeys.Ring(1, TestKeys.Key(1))).Seal(Id, Place);

        Assert.ThrowsAny<CryptographicException>(() => TestKeys.Protector(TestKeys.Ring(1, TestKeys.Key(1))).Open(sealedValue, Place));
    }

    [Theory]
    [InlineData(Sm4Gcm.AlgorithmName, 32)]
    [InlineData(Aes256Gcm.AlgorithmName, 16)]
    public void AKeyOfTheWrongSizeForItsAlgorithmIsRefusedAtStart(string algorithm, int bytes)
    {
        var options = TestKeys.Ring(1, new FieldKeyOptions { Version = 1, Algorithm = algorithm, Secret = Convert.ToBase64String(new byte[bytes]) });

        var refused = Assert.Throws<InvalidOperationException>(() => KeyRing.From(options));
        Assert.Contains(algorithm, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARingWithoutItsCurrentVersionOrWithAShortIndexKeyIsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => KeyRing.From(TestKeys.Ring(2, TestKeys.Key(1))));
        var shortIndex = TestKeys.Ring(1, TestKeys.Key(1));
        shortIndex.Index.Secret = Convert.ToBase64String(new byte[16]);
        Assert.Throws<InvalidOperationException>(() => KeyRing.From(shortIndex));
        Assert.Throws<InvalidOperationException>(() => KeyRing.From(TestKeys.Ring(1, new FieldKeyOptions { Version = 1, Algorithm = "DES", Secret = Convert.ToBase64String(new byte[8]) })));
    }

    [Fact]
    public void AKeyFileReplacesTheInlineRing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"protection-{Guid.NewGuid():N}.json");
        var ring = TestKeys.Ring(4, TestKeys.Key(4, Aes256Gcm.AlgorithmName));
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(ring, Json));
        try
        {
            var resolved = KeyFile.Resolve(new ProtectionOptions { KeyFile = path, CurrentVersion = 1 });

            Assert.Equal(4, KeyRing.From(resolved).Current.Version);
            Assert.Equal(Aes256Gcm.AlgorithmName, KeyRing.From(resolved).Current.Cipher.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
