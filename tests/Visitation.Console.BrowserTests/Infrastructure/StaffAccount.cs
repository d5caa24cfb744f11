using System.Security.Cryptography;
using OtpNet;

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// An account the run seeds into the identity service, enrolled for TOTP with a key the run made:
/// the test types its password and the authenticator code an app would show now. The identity
/// service refuses a code twice, so each account signs in once in a run.
/// </summary>
internal sealed record StaffAccount(string UserName, string Password, string Role, string Organisation, string AuthenticatorKey)
{
    /// <summary>The other organisations the account may act for (the console's organisation switch); none for most.</summary>
    public IReadOnlyList<string> Sites { get; init; } = [];

    public static StaffAccount Make(string userName, string role, string organisation) =>
        new(userName, "Vz9!" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)), role, organisation,
            Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20)).TrimEnd('='));

    /// <summary>The six digits the person's authenticator app shows now.</summary>
    public string CurrentCode() =>
        new Totp(Base32Encoding.ToBytes(AuthenticatorKey)).ComputeTotp(RealClock.Clock.GetUtcNow().UtcDateTime);
}
