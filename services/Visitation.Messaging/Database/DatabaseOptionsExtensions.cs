using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Visitation.Messaging.Database;

public static class DatabaseOptionsExtensions
{
    /// <summary>
    /// PostgreSQL with one naming rule for every table, column, key and index: snake_case, so the
    /// raw SQL a service writes (locks, skip-locked batches) and psql sessions use the same names EF
    /// does, without quoting. The running service, <c>dotnet ef</c> and the tests all come through here.
    /// </summary>
    public static DbContextOptionsBuilder UseServicePostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(Pooled(connectionString)).UseSnakeCaseNamingConvention();

    /// <summary>
    /// The connection string a service's pooled connections use: the operator's, with two pool settings
    /// the operator did not choose otherwise (docs/performance-changes.md, measured by the benchmark).
    /// <list type="bullet">
    /// <item><c>No Reset On Close</c>: a connection handed back to the pool is not reset with
    /// <c>DISCARD ALL</c>, a statement PostgreSQL counts as a transaction of its own and which throws away the
    /// backend's prepared statements; it was half of all transactions. Safe because no service leaves session
    /// state behind: its locks are transaction locks and its settings <c>SET LOCAL</c>. A connection that
    /// does keep state (a <c>LISTEN</c>) must not be pooled (<see cref="Unpooled"/>).</item>
    /// <item>Automatic preparation of the statements a connection runs repeatedly, so PostgreSQL parses and
    /// plans them once per connection instead of once per call.</item>
    /// </list>
    /// </summary>
    public static string Pooled(string connectionString)
    {
        // The operator's keys as written (parsed with quoting, compared without case); Npgsql's builder
        // would report every keyword it knows, set or not.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Chosen(params string[] keys) => keys.Any(given.ContainsKey);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Chosen("No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Chosen("Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    /// <summary>A connection string for a connection that keeps session state (a <c>LISTEN</c>): its own physical connection, closed with it.</summary>
    public static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
}
