using System.Security.Cryptography;
using Google.Protobuf;

namespace Visitation.ServiceDefaults.Grpc;

/// <summary>
/// Binds an idempotency key to its request: the SHA-256 of the request's canonical body, that is the
/// message without its key field, in protobuf's deterministic binary form, after the input rules
/// normalised its texts (NFC). A retry of the same request has the same fingerprint; the same key
/// with any other body (an empty one included) has another, and is refused rather than answered with
/// the first request's result.
/// </summary>
public static class RequestFingerprint
{
    /// <summary>The hex fingerprint of <paramref name="request"/> without its <paramref name="keyField"/>.</summary>
    public static string Of(IMessage request, string keyField = "request_id")
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Descriptor.Parser.ParseFrom(request.ToByteArray());
        var key = body.Descriptor.FindFieldByName(keyField)
            ?? throw new ArgumentException($"{body.Descriptor.FullName} has no field {keyField}.", nameof(keyField));
        key.Accessor.Clear(body);
        return Convert.ToHexStringLower(SHA256.HashData(body.ToByteArray()));
    }

    /// <summary>Whether a stored fingerprint matches; a row kept from before fingerprints (null) cannot tell, and matches.</summary>
    public static bool Matches(string? stored, string fingerprint) =>
        stored is null || string.Equals(stored, fingerprint, StringComparison.Ordinal);
}
