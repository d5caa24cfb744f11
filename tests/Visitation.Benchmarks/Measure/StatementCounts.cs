using System.Globalization;
using Npgsql;
using Visitation.Benchmarks.Infrastructure;

namespace Visitation.Benchmarks;

/// <summary>One statement's share of an application: how often it ran, and what it cost the server each time.</summary>
public sealed record StatementFigures(string Service, double CallsPerApplication, double MeanMs, double RowsPerCall, string Query);

/// <summary>All of one service's statements per application: how many, and the server's time executing them.</summary>
public sealed record StatementTotals(string Service, double CallsPerApplication, double ServerMsPerApplication);

/// <summary>
/// What the services ask PostgreSQL per application, statement by statement, from pg_stat_statements
/// — the round trips behind the commit count, ranked. Read only where the server loads the module
/// (<c>deploy/local/infra.sh</c>'s bench profile does); elsewhere the report says it was not measured.
/// </summary>
public sealed class StatementCounts(RunDatabases databases)
{
    private const int QueryLength = 240;

    public bool Available { get; private set; }

    /// <summary>Forgets what came before (the import, the warm-up), so the counts are the load's alone.</summary>
    public async Task ResetAsync()
    {
        await using var connection = await databases.OpenAsync("postgres");
        await using (var loaded = new NpgsqlCommand("SELECT current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%'", connection))
        {
            Available = (bool)(await loaded.ExecuteScalarAsync())!;
        }

        if (!Available)
        {
            return;
        }

        await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection);
        await create.ExecuteNonQueryAsync();
        await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
        await reset.ExecuteNonQueryAsync();
    }

    /// <summary>Each service's statements in all, per completed application (the figures an A/B comparison can trust on a noisy machine: the calls do not vary with it).</summary>
    public async Task<IReadOnlyList<StatementTotals>> TotalsAsync(int applications)
    {
        if (!Available)
        {
            return [];
        }

        await using var connection = await databases.OpenAsync("postgres");
        await using var command = new NpgsqlCommand(
            """
            SELECT d.datname, sum(s.calls)::bigint, sum(s.total_exec_time)
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname LIKE @prefix
            GROUP BY d.datname ORDER BY d.datname
            """, connection);
        command.Parameters.AddWithValue("prefix", ServicePrefix());
        var found = new List<StatementTotals>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(new StatementTotals(
                reader.GetString(0)[databases.Name("").Length..],
                Math.Round(reader.GetInt64(1) / (double)applications, 1),
                Math.Round(reader.GetDouble(2) / applications, 2)));
        }

        return found;
    }

    /// <summary>The run's most frequent statements, per completed application.</summary>
    public async Task<IReadOnlyList<StatementFigures>> TopAsync(int applications, int count)
    {
        if (!Available)
        {
            return [];
        }

        await using var connection = await databases.OpenAsync("postgres");
        await using var command = new NpgsqlCommand(
            """
            SELECT d.datname, s.calls, s.total_exec_time, s.rows, s.query
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname LIKE @prefix
            ORDER BY s.calls DESC
            LIMIT @count
            """, connection);
        command.Parameters.AddWithValue("prefix", ServicePrefix());
        command.Parameters.AddWithValue("count", count);
        var found = new List<StatementFigures>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var calls = reader.GetInt64(1);
            var query = string.Join(' ', reader.GetString(4).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            found.Add(new StatementFigures(
                reader.GetString(0)[databases.Name("").Length..],
                Math.Round(calls / (double)applications, 2),
                Math.Round(reader.GetDouble(2) / calls, 3),
                Math.Round(reader.GetInt64(3) / (double)calls, 1),
                query.Length > QueryLength ? string.Create(CultureInfo.InvariantCulture, $"{query[..QueryLength]}…") : query));
        }

        return found;
    }

    /// <summary>The LIKE pattern of the run's databases.</summary>
    private string ServicePrefix() => databases.Name("").Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
