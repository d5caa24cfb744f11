using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Visitation.Identity.Accounts;
using Visitation.Identity.Clients;
using Visitation.Identity.Data;

namespace Visitation.Identity.Seeding;

/// <summary>
/// Registered after the migrations: brings the console client in line with the settings, then
/// creates what the seed file lists and is not there yet (repeatable: existing ones are left alone).
/// </summary>
internal sealed partial class StartupSeeding(IServiceProvider services, IOptions<IdentityServiceOptions> options, ILogger<StartupSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var clients = scope.ServiceProvider.GetRequiredService<ClientRegistration>();
        await clients.RegisterConsoleAsync(options.Value.ConsoleRedirectUris, options.Value.ConsolePostLogoutRedirectUris);
        if (string.IsNullOrEmpty(options.Value.SeedFile))
        {
            return;
        }

        var seed = SeedFile.Read(options.Value.SeedFile);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        foreach (var account in seed.Accounts ?? [])
        {
            if (await users.FindByNameAsync(account.UserName) is null)
            {
                await accounts.CreateAsync(account.UserName, account.Role, account.Organisation, account.Password, account.AuthenticatorKey, sites: account.Sites);
                LogSeeded(logger, "account", account.UserName);
            }
        }

        foreach (var client in seed.MachineClients ?? [])
        {
            if (await clients.RegisterMachineAsync(client.ClientId, client.Secret, client.Role, client.Organisation))
            {
                LogSeeded(logger, "machine client", client.ClientId);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(2001, LogLevel.Information, "Seeded {Kind} {Name}")]
    private static partial void LogSeeded(ILogger logger, string kind, string name);
}
