using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Visitation.Identity.Accounts;
using Visitation.Identity.Data;
using Visitation.Identity.Signing;

namespace Visitation.Identity;

/// <summary>
/// Administrator commands run with the service's own settings instead of serving (docs/identity.md):
/// <c>create-account USER ROLE ORG</c> creates an account and prints its one-time password and
/// authenticator key; <c>new-signing-key FROM DAYS</c> stages a signing key valid from FROM (UTC).
/// They are the bootstrap path: the first administrators of each kind exist only through them or the
/// seed file, as the administration API creates no administrator. Both act through the same code as
/// the API (<see cref="AccountAdministration"/>, <see cref="SigningKeyAdministration"/>) and are
/// audited with the actor <c>system</c>.
/// </summary>
public static class AdminCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "create-account" when args.Length == 4:
                await CreateAccountAsync(app.Services, args[1], args[2], args[3]);
                return true;
            case "new-signing-key" when args.Length == 3:
                var from = DateTimeOffset.Parse(args[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                await StageSigningKeyAsync(app.Services, from, TimeSpan.FromDays(int.Parse(args[2], CultureInfo.InvariantCulture)));
                return true;
            case "create-account" or "new-signing-key":
                throw new ArgumentException("usage: create-account USER ROLE ORG | new-signing-key FROM-UTC DAYS");
            default:
                return false;
        }
    }

    private static async Task CreateAccountAsync(IServiceProvider services, string userName, string role, string organisation)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityDb>().Database.MigrateAsync();
        var password = InitialPassword.New();
        var key = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));
        await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateAsync(userName, role, organisation, password, key);
        Console.WriteLine($"account:  {userName} ({role} @ {organisation})");
        Console.WriteLine($"password: {password}");
        Console.WriteLine($"totp key: {key}   otpauth://totp/Visitation:{Uri.EscapeDataString(userName)}?secret={key}&issuer=Visitation");
    }

    private static async Task StageSigningKeyAsync(IServiceProvider services, DateTimeOffset from, TimeSpan validFor)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityDb>().Database.MigrateAsync();
        var key = await scope.ServiceProvider.GetRequiredService<SigningKeyAdministration>().StageAsync(from, validFor, by: null, CancellationToken.None);
        Console.WriteLine($"staged key {key.KeyId}: published at the next start, signs from {from:u}");
    }
}
