using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Visitation.Identity;
using Visitation.Identity.Clients;
using Visitation.Identity.Signing;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// The identity service in-process (environment Testing, its own database on the run's PostgreSQL, a
/// signing key made for the run), for tests of services that trust it as their authority. Machine
/// clients are registered on demand and their tokens fetched by client credentials. It reads the
/// run's reference data, so a machine client of the run's second prison can be registered too.
/// </summary>
public sealed class IdentityServiceHost(VisitationSystem system) : WebApplicationFactory<IdentityEntryPoint>, IAsyncLifetime
{
    public const string Issuer = "https://localhost/";
    private const string KeyPassword = "integration-tests-key-password";
    private readonly string _database = "it" + Guid.CreateVersion7().ToString("N")[..20] + "_identity";
    private readonly string _keyFolder = Path.Combine(Path.GetTempPath(), "visitation-identity-it", Guid.NewGuid().ToString("N"));
    private string _connectionString = string.Empty;

    /// <summary>The key the service signs with, for a test that must forge a token it would have signed (an expired one).</summary>
    public X509Certificate2 SigningKey { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var servers = await ServerEndpoints.ResolveAsync();
        _connectionString = new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = _database }.ConnectionString;
        SigningKeyFolder.Create(_keyFolder, KeyPassword, TokenClock.Real.GetUtcNow().AddHours(-1), TimeSpan.FromDays(30));
        SigningKey = SigningKeyFolder.Load(_keyFolder, KeyPassword).Single();
        _ = Server;
    }

    /// <summary>A token for a new machine client acting as <paramref name="role"/> of <paramref name="organisation"/>, for the scopes named.</summary>
    public async Task<string> MachineTokenAsync(string role, string organisation, string scopes) =>
        (await MachineClientAsync(role, organisation, scopes)).Token;

    /// <summary>A new machine client's id and a token it obtained, as <see cref="MachineTokenAsync"/>.</summary>
    public async Task<(string ClientId, string Token)> MachineClientAsync(string role, string organisation, string scopes)
    {
        var clientId = $"it-{role}-{Guid.NewGuid():N}";
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ClientRegistration>().RegisterMachineAsync(clientId, secret, role, organisation);
        }

        using var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(Issuer) });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scopes,
        });
        using var response = await client.PostAsync(new Uri("connect/token", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        return (clientId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Database", _connectionString);
        builder.UseSetting("Identity:Issuer", Issuer);
        builder.UseSetting("Identity:KeyFolder", _keyFolder);
        builder.UseSetting("Identity:KeyPassword", KeyPassword);
        builder.UseSetting("ReferenceData:Path", system.SettingsOf("application")["ReferenceData:Path"]);
        // It stamps the tokens the services check by the real clock (see TokenClock), not the run's TestClock.
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(TokenClock.Real)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SigningKey?.Dispose();
        Directory.Delete(_keyFolder, recursive: true);
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
