using System.Security.Cryptography;

namespace Visitation.Testing.Processes;

/// <summary>
/// A run's field-protection key ring (docs/encryption-at-rest.md), as the settings a service reads:
/// random keys made by the run itself, so no key is ever in the repository; SM4-GCM and HMAC-SM3, the
/// defaults. Every service of a run is given the same ring.
/// </summary>
public static class RunProtectionKeys
{
    /// <summary>A new ring: one data key, the blind-index key, and the visitor key's shared index key.</summary>
    public static Dictionary<string, string> Create() => new()
    {
        ["Protection:CurrentVersion"] = "1",
        ["Protection:Keys:0:Version"] = "1",
        ["Protection:Keys:0:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
        ["Protection:Index:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        // The visitor key's shared index key (docs/data-minimisation.md): application and prison-approval
        // refuse to start without it. A run gives it to every service; a deployment to those two only.
        ["Protection:SharedIndexes:visitor:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };
}
