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
        var connection = Unpooled(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Visitation.Messaging.OutboxLock.Key})", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>
    /// Blocks every write to a table of a service's database, from a transaction of the test's own
    /// (reads go on): a consumer or a call that writes to it stops mid-transaction — in flight —
    /// until the connection is disposed (or the server dies under it).
    /// </summary>
    public static async Task<NpgsqlConnection> HoldWritesAsync(string connectionString, string table)
    {
        var connection = Unpooled(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, $"BEGIN; LOCK TABLE {table} IN SHARE MODE", []);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Sessions of a service's database waiting for a lock: transactions held up mid-way.</summary>
    public static Task<long> WaitingOnLocksAsync(string connectionString) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");

    /// <summary>Timers (and delayed redeliveries) that have fallen due by this instant but have not been sent.</summary>
    public static Task<long> DueTimersAsync(string connectionString, DateTimeOffset now) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM scheduled_messages WHERE sent_at IS NULL AND due_at <= @now", ("now", now));

    /// <summary>Timeline steps of these applications with this event (as the application service stores it, e.g. <c>bureau-approved</c>).</summary>
    public static Task<long> TimelineStepsAsync(string connectionString, IEnumerable<string> applicationIds, string timelineEvent) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM timeline WHERE event = @event AND application_id = ANY(@ids)",
            ("event", timelineEvent), ("ids", applicationIds.Select(Guid.Parse).ToArray()));

    /// <summary>The message ids of a service's outbox events of one type (its class name) about these applications.</summary>
    public static async Task<IReadOnlyList<Guid>> MessageIdsAsync(string connectionString, string messageType, IEnumerable<string> applicationIds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, "SELECT message_id FROM outbox_messages WHERE message_type LIKE @type AND body::text LIKE ANY(@patterns)",
            [("type", "%." + messageType), ("patterns", applicationIds.Select(id => $"%{id}%").ToArray())]);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Applications filed under a clerk's request id.</summary>
    public static Task<long> ApplicationsWithRequestIdAsync(string connectionString, string requestId) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM applications WHERE request_id = @id", ("id", requestId));

    // A connection of its own, not the pool's: disposing it ends the session, and with it the lock.
    private static NpgsqlConnection Unpooled(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

    public static Task<long> UnsentAsync(string connectionString) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");

    /// <summary>Delayed redeliveries of a message that were scheduled and then sent back to its queue.</summary>
    public static Task<long> RedeliveriesSentAsync(string connectionString, Guid messageId) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM scheduled_messages WHERE message_id = @id AND sent_at IS NOT NULL", ("id", messageId));

    public static Task<long> InboxAsync(string connectionString) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM inbox_messages");

    /// <summary>The inbox rows of these messages only: what other tests' late events add elsewhere is not counted.</summary>
    public static Task<long> InboxOfAsync(string connectionString, IReadOnlyCollection<Guid> messageIds) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@ids)", ("ids", messageIds.ToArray()));

    /// <summary>The ids of the outbox messages whose body names one of the applications.</summary>
    public static async Task<List<Guid>> MessageIdsAboutAsync(string connectionString, IEnumerable<string> applicationIds)
    {
        var ids = new List<Guid>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var id in applicationIds)
        {
            await using var command = Command(connection, "SELECT message_id FROM outbox_messages WHERE body::text LIKE @pattern", [("pattern", $"%{id}%")]);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        return ids;
    }

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
