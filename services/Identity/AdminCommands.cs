using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OtpNet;
using Visitation.Identity.Accounts;
using Visitation.Identity.Data;
using Visitation.Identity.Signing;

namespace Visitation.Identity;

/// <summary>
/// Administrator commands run with the service's own settings instead of serving (docs/identity.md):
/// <c>create-account USER ROLE ORG</c> creates an account and prints its one-time password and
/// authenticator key; <c>new-signing-key FROM DAYS</c> stages a signing key valid from FROM (UTC).
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
                var options = app.Services.GetRequiredService<IOptions<IdentityServiceOptions>>().Value;
                var from = DateTimeOffset.Parse(args[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                var path = SigningKeyFolder.Create(options.KeyFolder, options.KeyPassword, from, TimeSpan.FromDays(int.Parse(args[2], CultureInfo.InvariantCulture)));
                Console.WriteLine($"staged {path}: published at the next start, signs from {from:u}");
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
        var password = NewPassword();
        var key = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));
        await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateAsync(userName, role, organisation, password, key);
        Console.WriteLine($"account:  {userName} ({role} @ {organisation})");
        Console.WriteLine($"password: {password}");
        Console.WriteLine($"totp key: {key}   otpauth://totp/Visitation:{Uri.EscapeDataString(userName)}?secret={key}&issuer=Visitation");
    }

    /// <summary>Random, and meets the password policy whatever the draw (all four character classes).</summary>
    public static string NewPassword() => "Vz9!" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', '_').Replace('+', '-');
}
