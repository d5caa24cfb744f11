using Microsoft.EntityFrameworkCore;
using Npgsql;
using Visitation.Messaging.Database;

namespace Visitation.Messaging.Tests.Infrastructure;

/// <summary>A fresh database of its own for one test, with the library's tables; dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private TestDatabase(string serverConnectionString, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = await TestServer.ConnectionStringAsync();
        var name = "messaging_" + Guid.NewGuid().ToString("N");
        var database = new TestDatabase(server, new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString);
        await using var db = database.NewContext();
        await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return database;
    }

    /// <summary>A context as a service's scope has one: each its own connection and transaction.</summary>
    public TestDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        Configure(options);
        return new TestDbContext(options.Options);
    }

    /// <summary>As <c>AddServiceDatabase</c> configures a service's context: PostgreSQL and the outbox's commit interceptor.</summary>
    public void Configure(DbContextOptionsBuilder options) =>
        options.UseServicePostgres(ConnectionString).AddInterceptors(CommitInterceptor);

    /// <summary>One for the database, as a service has one: it is what orders the outbox by commit.</summary>
    private OutboxCommitInterceptor CommitInterceptor { get; } = new(new OutboxSignal());

    /// <summary>Commits one event into the outbox in a transaction of its own, as a service's request does.</summary>
    public async Task<OutboxMessage> CommitEventAsync(object message, DateTimeOffset now)
    {
        await using var db = NewContext();
        var row = db.Publish(message, now);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return row;
    }

    /// <summary>
    /// Lets the server read tables only by sequential scans, in the rows' physical order, as it may
    /// choose to for a large outbox. Applies to the connections opened from now on.
    /// </summary>
    public async Task ForbidIndexScansAsync()
    {
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var forbid = new NpgsqlCommand(
            $"ALTER DATABASE \"{name}\" SET enable_indexscan = off; ALTER DATABASE \"{name}\" SET enable_bitmapscan = off; ALTER DATABASE \"{name}\" SET enable_indexonlyscan = off",
            connection);
        await forbid.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async Task<int> UnsentCountAsync()
    {
        await using var db = NewContext();
        return await db.OutboxMessages.CountAsync(m => m.SentAt == null, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
