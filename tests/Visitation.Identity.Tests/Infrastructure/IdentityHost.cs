using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OtpNet;
using System.Security.Cryptography;
using Visitation.Identity.Accounts;
using Visitation.Identity.Clients;
using Visitation.Identity.Data;
using Visitation.Identity.Signing;
using Visitation.Messaging.Audit;

[assembly: AssemblyFixture(typeof(Visitation.Identity.Tests.Infrastructure.IdentityHost))]

namespace Visitation.Identity.Tests.Infrastructure;

/// <summary>
/// The identity service for the test run, as its Program builds it, in the Testing environment, on a
/// fresh database of the real PostgreSQL. Its key folder holds the current key and a next one staged
/// to start signing in 20 days. Tests create the accounts and clients they use, each its own.
/// </summary>
public sealed class IdentityHost : WebApplicationFactory<IdentityEntryPoint>, IAsyncLifetime
{
    public const string Issuer = "https://localhost/";
    public const string ConsoleRedirect = "https://console.test/signed-in";
    public const string OfficeId = "yongji-chengxi-office";
    public const string CountyId = "yongji-bureau";
    private const string KeyPassword = "identity-tests-key-password";
    private readonly string _database = "idt" + Guid.CreateVersion7().ToString("N")[..20];
    private readonly string _keyFolder = Path.Combine(Path.GetTempPath(), "visitation-identity-tests", Guid.NewGuid().ToString("N"));
    private string _connectionString = string.Empty;

    /// <summary>
    /// The service's clock, owned by the test run: it stands at the instant the run began (token,
    /// cookie, session and inactivity times are read from it) and moves only when a test moves it.
    /// It starts at the real instant because the second factor is a real-time one: the authenticator
    /// app, like <c>Totp.ComputeTotp()</c> in the tests, reads the real clock.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>The key-ids of the signing keys in the folder: the current one and the staged next one.</summary>
    public IReadOnlyList<string> KeyIds { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var server = await TestPostgres.ConnectionStringAsync();
        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
        var now = Clock.GetUtcNow();
        SigningKeyFolder.Create(_keyFolder, KeyPassword, now.AddHours(-1), TimeSpan.FromDays(30));
        SigningKeyFolder.Create(_keyFolder, KeyPassword, now.AddDays(20), TimeSpan.FromDays(60));
        KeyIds = [.. SigningKeyFolder.Load(_keyFolder, KeyPassword).Select(key => key.Thumbprint)];
        _ = Server; // start now: migrations and the console client's registration run before any test acts
    }

    /// <summary>A browser of its own (cookie jar), which does not follow redirects so a test can read them.</summary>
    public HttpClient Browser() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    /// <summary>Creates a staff account; enrolled for TOTP unless told otherwise.</summary>
    public async Task<StaffAccount> CreateStaffAsync(string role, string organisation, bool enrolled = true)
    {
        var account = new StaffAccount(
            $"{role}-{Guid.NewGuid():N}"[..24], InitialPassword.New(), enrolled ? Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20)) : null);
        await InScopeAsync<AccountAdministration>(admin => admin.CreateAsync(account.UserName, role, organisation, account.Password, account.AuthenticatorKey));
        return account;
    }

    /// <summary>Registers a machine client and returns its id and secret.</summary>
    public async Task<(string ClientId, string Secret)> CreateMachineClientAsync(string role, string organisation)
    {
        var clientId = $"machine-{Guid.NewGuid():N}";
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await InScopeAsync<ClientRegistration>(clients => clients.RegisterMachineAsync(clientId, secret, role, organisation));
        return (clientId, secret);
    }

    /// <summary>Runs an administrator's action on an account (role change, disable, reset).</summary>
    public async Task AdministerAsync(string userName, Func<AccountAdministration, StaffUser, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No account {userName}.");
        await action(scope.ServiceProvider.GetRequiredService<AccountAdministration>(), user);
    }

    /// <summary>The id of the account with this user name: what the audit names it by.</summary>
    public async Task<string> AccountIdAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName);
        return user?.Id ?? throw new InvalidOperationException($"No account {userName}.");
    }

    /// <summary>The ids of every account the identity database holds.</summary>
    public async Task<IReadOnlySet<string>> AccountIdsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return (await users.Users.Select(user => user.Id).ToListAsync()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The identity database's audit rows, in order.</summary>
    public async Task<IReadOnlyList<AuditRow>> AllAuditRowsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return await AuditStore.RowsAsync(connection, null, CancellationToken.None);
    }

    /// <summary>The identity database's audit rows about one account (its record id), in order.</summary>
    public async Task<IReadOnlyList<AuditRow>> AuditRowsAboutAsync(string accountId) =>
        [.. (await AllAuditRowsAsync()).Where(row => row.RecordId == accountId)];

    /// <summary>The identity database's audit chains recomputed: null when every chain verifies, else the first break.</summary>
    public Task<AuditBreak?> VerifyAuditAsync() => AuditStore.VerifyAsync(_connectionString, CancellationToken.None);

    /// <summary>How many Data Protection keys the identity database holds (the key ring every instance shares).</summary>
    public async Task<long> DataProtectionKeyCountAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Locks the account out now, as five failures would (the lockout's own audit row included).</summary>
    public Task LockOutAsync(string accountId) => InScopeAsync<UserManager<StaffUser>>(async users =>
    {
        var user = await users.FindByIdAsync(accountId) ?? throw new InvalidOperationException($"No account {accountId}.");
        await users.SetLockoutEndDateAsync(user, Clock.GetUtcNow().AddMinutes(15));
    });

    public async Task InScopeAsync<T>(Func<T, Task> action) where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<T>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Database", _connectionString);
        builder.UseSetting("Identity:Issuer", Issuer);
        builder.UseSetting("Identity:KeyFolder", _keyFolder);
        builder.UseSetting("Identity:KeyPassword", KeyPassword);
        builder.UseSetting("Identity:ConsoleRedirectUris:0", ConsoleRedirect);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_keyFolder, recursive: true);
        if (_connectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>An account a test created: its user name, password and authenticator key (null if not enrolled).</summary>
public sealed record StaffAccount(string UserName, string Password, string? AuthenticatorKey)
{
    public string CurrentCode() => new Totp(Base32Encoding.ToBytes(AuthenticatorKey!)).ComputeTotp();
}
