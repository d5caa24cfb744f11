using System.Text.Json;
using Visitation.Identity.Tests.Infrastructure;

namespace Visitation.Identity.Tests.Keys;

/// <summary>The JWKS endpoint publishes every signing key of the key folder, the next one staged before it signs.</summary>
public sealed class JwksTests(IdentityHost identity)
{
    [Fact]
    public async Task TheJwksPublishesTheCurrentKeyAndTheStagedNextKey()
    {
        using var browser = new StaffBrowser(identity);

        var jwks = JsonDocument.Parse(await browser.GetStringAsync("/.well-known/jwks")).RootElement;

        var published = jwks.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("kid").GetString()!).ToList();
        Assert.Equal(identity.KeyIds.Order(StringComparer.OrdinalIgnoreCase), published.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.All(jwks.GetProperty("keys").EnumerateArray(), key => Assert.Equal("RSA", key.GetProperty("kty").GetString()));
    }

    [Fact]
    public async Task TheDiscoveryDocumentNamesTheConfiguredIssuerAndOffersNoPasswordGrant()
    {
        using var browser = new StaffBrowser(identity);

        var discovery = JsonDocument.Parse(await browser.GetStringAsync("/.well-known/openid-configuration")).RootElement;

        Assert.Equal(IdentityHost.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.DoesNotContain("password", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }
}
