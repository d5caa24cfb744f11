using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Visitation.Identity.Data;
using Visitation.Messaging.Audit;
using Visitation.Workflow.Audit;

namespace Visitation.Identity.Signing;

/// <summary>
/// The security administrator's view of the key folder and the staging of the next key: the
/// administration API and the <c>new-signing-key</c> command both act through here, and a staged key
/// writes one audit row (record type <see cref="Record"/>, the key's id; never key material).
/// </summary>
public sealed class SigningKeyAdministration(
    IOptions<IdentityServiceOptions> options,
    IOptionsMonitor<OpenIddictServerOptions> server,
    IdentityDb db,
    TimeProvider clock)
{
    public const string Record = "signing_key";

    /// <summary>Writes a new key valid from <paramref name="notBefore"/>; it is published at the next start and signs from its start date.</summary>
    public async Task<SigningKeyInfo> StageAsync(DateTimeOffset notBefore, TimeSpan validFor, AuditActor? by, CancellationToken ct)
    {
        var settings = options.Value;
        var path = SigningKeyFolder.Create(settings.KeyFolder, settings.KeyPassword, notBefore, validFor);
        using var key = X509CertificateLoader.LoadPkcs12FromFile(path, settings.KeyPassword, X509KeyStorageFlags.EphemeralKeySet);
        // A signing key signs every organisation's tokens: it belongs to none of them.
        db.Audit(by ?? AuditActor.System, AuditEvent.SigningKeyStaged, new AuditedRecord(Record, key.Thumbprint, Owner: null), outcome: "staged");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // A file and a row cannot commit together: a key whose staging is not on record is not staged.
            File.Delete(path);
            throw;
        }

        return Describe(key, Loaded(), clock.GetUtcNow());
    }

    /// <summary>Every key of the folder, oldest start first, with where it stands for this instance.</summary>
    public IReadOnlyList<SigningKeyInfo> List()
    {
        var settings = options.Value;
        var keys = SigningKeyFolder.Load(settings.KeyFolder, settings.KeyPassword);
        try
        {
            var loaded = Loaded();
            var now = clock.GetUtcNow();
            return [.. keys.Select(key => Describe(key, loaded, now)).OrderBy(key => key.NotBefore)];
        }
        finally
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }
        }
    }

    /// <summary>The keys this instance loaded at its start (and so publishes), by thumbprint.</summary>
    private Dictionary<string, X509Certificate2> Loaded() =>
        server.CurrentValue.SigningCredentials.Select(credentials => credentials.Key).OfType<X509SecurityKey>()
            .Select(key => key.Certificate)
            .DistinctBy(certificate => certificate.Thumbprint)
            .ToDictionary(certificate => certificate.Thumbprint, StringComparer.OrdinalIgnoreCase);

    private static SigningKeyInfo Describe(X509Certificate2 key, Dictionary<string, X509Certificate2> loaded, DateTimeOffset now)
    {
        var notBefore = new DateTimeOffset(key.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(key.NotAfter.ToUniversalTime());
        // OpenIddict signs with the loaded key valid now that expires last (docs/identity.md, "Signing keys").
        var signing = loaded.Values.Where(k => k.NotBefore.ToUniversalTime() <= now.UtcDateTime && now.UtcDateTime < k.NotAfter.ToUniversalTime())
            .MaxBy(k => k.NotAfter)?.Thumbprint;
        var state = notAfter <= now ? SigningKeyState.Expired
            : !loaded.ContainsKey(key.Thumbprint) ? SigningKeyState.AwaitingRestart
            : notBefore > now ? SigningKeyState.Staged
            : string.Equals(signing, key.Thumbprint, StringComparison.OrdinalIgnoreCase) ? SigningKeyState.Signing
            : SigningKeyState.Published;
        return new SigningKeyInfo(key.Thumbprint, notBefore, notAfter, state);
    }
}

/// <summary>A key of the folder: its id (the JWKS <c>kid</c>), validity and state. No key material.</summary>
public sealed record SigningKeyInfo(string KeyId, DateTimeOffset NotBefore, DateTimeOffset NotAfter, SigningKeyState State);

public enum SigningKeyState
{
    Signing,
    Published,
    Staged,
    AwaitingRestart,
    Expired,
}
