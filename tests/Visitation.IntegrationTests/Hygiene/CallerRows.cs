using Npgsql;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Hygiene;

/// <summary>
/// The rows of every service database that name one user: every column that records who acted
/// (<c>*_by</c>, the audit's <c>actor_user_id</c>), found from the schema so a new table is counted
/// too. A user made up for one test owns exactly the rows its calls wrote.
/// </summary>
public static class CallerRows
{
    public static async Task<long> CountAsync(VisitationSystem system, string userId)
    {
        long total = 0;
        foreach (var connectionString in system.Databases.Values)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            foreach (var (table, column) in await ActorColumnsAsync(connection))
            {
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE \"{column}\" = @user", connection);
                count.Parameters.AddWithValue("user", userId);
                total += (long)(await count.ExecuteScalarAsync())!;
            }
        }

        return total;
    }

    private static async Task<List<(string Table, string Column)>> ActorColumnsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying')
              AND (c.column_name LIKE '%\_by' OR c.column_name = 'actor_user_id')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }
}
