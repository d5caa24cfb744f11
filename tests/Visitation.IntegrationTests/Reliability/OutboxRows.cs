using Npgsql;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>Direct reads and writes of a service's outbox and inbox tables, to replay and to audit delivery.</summary>
public static class OutboxRows
{
    /// <summary>Marks the outbox rows about these applications unsent, so the dispatcher publishes them again with their original message ids.</summary>
    public static async Task<int> MarkUnsentAsync(string connectionString, IEnumerable<string> applicationIds)
    {
        var total = 0;
        foreach (var id in applicationIds)
        {
            total += await ExecuteAsync(connectionString, "UPDATE outbox_messages SET sent_at = NULL WHERE body::text LIKE @pattern", ("pattern", $"%{id}%"));
        }

        return total;
    }

    /// <summary>Holds the outbox's dispatch lock on its own connection, as another instance mid-round would; dispose to release.</summary>
    public static async Task<NpgsqlConnection> HoldDispatchLockAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Visitation.Messaging.OutboxLock.Key})", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    public static Task<long> UnsentAsync(string connectionString) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");

    /// <summary>Delayed redeliveries of a message that were scheduled and then sent back to its queue.</summary>
    public static Task<long> RedeliveriesSentAsync(string connectionString, Guid messageId) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM scheduled_messages WHERE message_id = @id AND sent_at IS NOT NULL", ("id", messageId));

    public static Task<long> InboxAsync(string connectionString) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM inbox_messages");

    public static Task<long> SmsRowsAsync(string connectionString, string applicationId) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM sms_messages WHERE application_id = @id::uuid", ("id", applicationId));

    private static async Task<int> ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(await QueryAsync(connectionString, sql, parameters), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first column of the first row of a query on a service's database, or null.</summary>
    public static async Task<object?> QueryAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
#pragma warning disable CA2100 // fixed SQL text; values travel as parameters
        var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
