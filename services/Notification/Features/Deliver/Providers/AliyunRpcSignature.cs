using System.Security.Cryptography;
using System.Text;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// Alibaba Cloud's RPC signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0), as its
/// "签名机制" document gives it: every parameter but <c>Signature</c>, sorted by name (ordinal), each
/// name and value percent-encoded the provider's way and joined with <c>=</c> and <c>&amp;</c>; the
/// string to sign is <c>METHOD&amp;%2F&amp;</c> + that string encoded once more; the key is the
/// AccessKeySecret followed by <c>&amp;</c>; the result is Base64.
/// </summary>
public static class AliyunRpcSignature
{
    public static string StringToSign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var canonical = string.Join('&', parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        return httpMethod + "&" + Encode("/") + "&" + Encode(canonical);
    }

    public static string Sign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
    {
        var key = Encoding.UTF8.GetBytes(accessKeySecret + "&");
        var data = Encoding.UTF8.GetBytes(StringToSign(httpMethod, parameters));
#pragma warning disable CA5350 // HMAC-SHA1 is the algorithm the provider's RPC API verifies; we choose no algorithm here.
        return Convert.ToBase64String(HMACSHA1.HashData(key, data));
#pragma warning restore CA5350
    }

    /// <summary>Whether <paramref name="signature"/> is the one <paramref name="parameters"/> carry for <paramref name="accessKeySecret"/>, compared in fixed time.</summary>
    public static bool Verify(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret, string signature) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(httpMethod, parameters, accessKeySecret)),
            Encoding.ASCII.GetBytes(signature));

    /// <summary>
    /// RFC 3986 percent-encoding of the UTF-8 bytes: letters, digits and <c>-_.~</c> stay, everything
    /// else (space as <c>%20</c>, <c>*</c> as <c>%2A</c>) is encoded with upper-case hex.
    /// </summary>
    public static string Encode(string value)
    {
        var encoded = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                encoded.Append((char)b);
            else
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
