using System.Security.Cryptography;

namespace Visitation.Identity.Accounts;

/// <summary>
/// The one-time password an administrator hands over when creating an account or resetting its
/// password (API or CLI): random, 28 characters, and within the password policy whatever the draw.
/// </summary>
public static class InitialPassword
{
    /// <summary>A fixed prefix holds all four character classes, so the random rest never fails the policy.</summary>
    public static string New() => "Vz9!" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', '_').Replace('+', '-');
}
