using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Visitation.Identity.Signing;

/// <summary>
/// The signing keys: every <c>*.pfx</c> in one folder (a mounted secret in production). OpenIddict
/// signs with the valid certificate that expires last and publishes all of them at the JWKS endpoint,
/// so a key staged with a future start date is announced before it signs (docs/identity.md, rotation).
/// </summary>
public static class SigningKeyFolder
{
    public static IReadOnlyList<X509Certificate2> Load(string folder, string password)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return
        [
            .. Directory.GetFiles(folder, "*.pfx")
                .Order(StringComparer.Ordinal)
                .Select(file => X509CertificateLoader.LoadPkcs12FromFile(file, password, X509KeyStorageFlags.EphemeralKeySet)),
        ];
    }

    /// <summary>
    /// Writes a new RSA key valid from <paramref name="notBefore"/> for <paramref name="validFor"/>:
    /// used for the first key of a development run and by the <c>new-signing-key</c> command.
    /// </summary>
    public static string Create(string folder, string password, DateTimeOffset notBefore, TimeSpan validFor)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Visitation identity signing key", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        // Signs tokens and encrypts the codes and refresh tokens only this service reads.
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(notBefore, notBefore.Add(validFor));
        var path = Path.Combine(folder, $"signing-{notBefore.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
