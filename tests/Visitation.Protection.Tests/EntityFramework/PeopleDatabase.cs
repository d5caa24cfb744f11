using Microsoft.EntityFrameworkCore;
using Npgsql;
using Visitation.Protection.EntityFramework;
using Visitation.Protection.Keys;

namespace Visitation.Protection.Tests.EntityFramework;

/// <summary>
/// A fresh database of its own on the run's PostgreSQL (VISITATION_TEST_POSTGRES, started by
/// deploy/test.sh), dropped afterwards. Without the server the test fails and says why.
/// </summary>
public sealed class PeopleDatabase : IAsyncDisposable
{
    private readonly string _server;

    private PeopleDatabase(string server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PeopleDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("VISITATION_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            throw new InvalidOperationException(
                "The field-protection tests need a real PostgreSQL: VISITATION_TEST_POSTGRES is not set. Run the suite with `bash deploy/test.sh`, which starts a local server.");
        }

        var name = "protection_" + Guid.NewGuid().ToString("N");
        var database = new PeopleDatabase(server, new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString);
        await using var db = database.Context(TestKeys.Ring(1, TestKeys.Key(1)));
        await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return database;
    }

    /// <summary>A context that seals and opens with this ring, as a service's scope has one.</summary>
    public PeopleContext Context(ProtectionOptions ring) => Context(TestKeys.Protector(ring));

    public PeopleContext Context(FieldProtector protector) =>
        new(new DbContextOptionsBuilder<PeopleContext>()
            .UseNpgsql(ConnectionString)
            .AddFieldProtection(new FieldProtectionInterceptor(protector))
            .Options);

    /// <summary>The first value of a raw query: what the database really holds.</summary>
    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return value is DBNull ? default : (T?)value;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
