using System.Security.Cryptography;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// The field-protection key ring of one test run (docs/encryption-at-rest.md): random keys made by
/// the run itself, so no key is ever in the repository; SM4-GCM and HMAC-SM3, the defaults.
/// </summary>
internal static class TestProtectionKeys
{
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Protection:CurrentVersion"] = "1",
        ["Protection:Keys:0:Version"] = "1",
        ["Protection:Keys:0:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
        ["Protection:Index:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        // The visitor key's shared index key (docs/data-minimisation.md); in one test run every
        // service is given the same settings, while a deployment gives it to application and prison-approval only.
        ["Protection:SharedIndexes:visitor:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };
}
