using Npgsql;

namespace Visitation.Benchmarks.Infrastructure;

/// <summary>
/// The run's databases (one per service, named after the run, made by the services' migrations at start)
/// and what PostgreSQL counts about them: commits, and the server's process for its CPU time.
/// </summary>
public sealed class RunDatabases(string server, string runId) : IAsyncDisposable
{
    public string ConnectionString(string service) => new NpgsqlConnectionStringBuilder(server) { Database = Name(service) }.ConnectionString;

    public string Name(string service) => $"{runId}_{service}";

    /// <summary>Transactions committed in the run's databases so far (PostgreSQL flushes a backend's counts about once a second, or when it goes idle).</summary>
    public async Task<long> CommitsAsync()
    {
        await using var connection = await OpenAsync("postgres");
        await using var command = new NpgsqlCommand("SELECT coalesce(sum(xact_commit), 0)::bigint FROM pg_stat_database WHERE datname LIKE @prefix", connection);
        command.Parameters.AddWithValue("prefix", runId + "\\_%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The postmaster: the parent of the backend serving this question. Null when the server is not on this machine.</summary>
    public async Task<int?> PostmasterProcessIdAsync()
    {
        await using var connection = await OpenAsync("postgres");
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return ProcStat.Read(backend)?.ParentId;
    }

    public async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = await OpenAsync("postgres");
        await using var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @prefix", connection);
        list.Parameters.AddWithValue("prefix", runId + "\\_%");
        var names = new List<string>();
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
