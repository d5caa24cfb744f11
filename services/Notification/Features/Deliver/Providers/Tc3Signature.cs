using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// Tencent Cloud API 3.0's TC3-HMAC-SHA256 signature, as its "签名方法 v3" document gives it: a
/// canonical request (method, path <c>/</c>, empty query, the signed headers content-type and host,
/// the hex SHA-256 of the body), a string to sign naming the timestamp and the scope
/// <c>{UTC date}/{service}/tc3_request</c>, and a key derived from the secret by HMAC-SHA256 over the
/// date, the service and <c>tc3_request</c> in turn.
/// </summary>
public static class Tc3Signature
{
    public const string Algorithm = "TC3-HMAC-SHA256";

    public const string SignedHeaders = "content-type;host";

    public static string CanonicalRequest(string contentType, string host, string body) =>
        $"POST\n/\n\ncontent-type:{contentType}\nhost:{host}\n\n{SignedHeaders}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}";

    public static string Scope(long timestamp, string service) =>
        $"{DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{service}/tc3_request";

    public static string StringToSign(long timestamp, string service, string canonicalRequest) =>
        $"{Algorithm}\n{timestamp.ToString(CultureInfo.InvariantCulture)}\n{Scope(timestamp, service)}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    public static string Signature(string secretKey, long timestamp, string service, string canonicalRequest)
    {
        var date = Scope(timestamp, service)[..10];
        var secretDate = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        var secretService = Hmac(secretDate, service);
        var secretSigning = Hmac(secretService, "tc3_request");
        return Hex(Hmac(secretSigning, StringToSign(timestamp, service, canonicalRequest)));
    }

    /// <summary>The <c>Authorization</c> header's value.</summary>
    public static string Authorization(string secretId, string secretKey, long timestamp, string service, string canonicalRequest) =>
        $"{Algorithm} Credential={secretId}/{Scope(timestamp, service)}, SignedHeaders={SignedHeaders}, Signature={Signature(secretKey, timestamp, service, canonicalRequest)}";

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
