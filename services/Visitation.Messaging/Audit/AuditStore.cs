using Npgsql;

namespace Visitation.Messaging.Audit;

/// <summary>Reads a service's audit tables straight from its database, for the verifier, the purge and the relay.</summary>
public static class AuditStore
{
    private const string Columns = """
        SELECT seq, chain, recorded_at, actor_user_id, actor_role, actor_organisation, actor_client_id, event_type,
               record_type, record_id, reason_code, purpose, outcome, trace_id, previous_hash, row_hash, owner_organisation
        FROM audit_log
        """;

    public static async Task<IReadOnlyList<AuditRow>> RowsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Columns + " ORDER BY seq", connection, transaction);
        return await ReadAsync(command, ct);
    }

    /// <summary>The rows of one chain after a position, oldest first, at most <paramref name="limit"/> (the audit relay's read).</summary>
    public static async Task<IReadOnlyList<AuditRow>> RowsAfterAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditChain chain, long afterSeq, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Columns + " WHERE chain = @chain AND seq > @after ORDER BY seq LIMIT @limit", connection, transaction);
        command.Parameters.AddWithValue("chain", chain.Name());
        command.Parameters.AddWithValue("after", afterSeq);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, ct);
    }

    /// <summary>The newest row of each chain (null for a chain with no row): what the store's copy is compared with.</summary>
    public static async Task<IReadOnlyDictionary<AuditChain, AuditRow?>> NewestAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var newest = new Dictionary<AuditChain, AuditRow?>();
        foreach (var chain in AuditChains.All)
        {
            await using var command = new NpgsqlCommand(Columns + " WHERE chain = @chain ORDER BY seq DESC LIMIT 1", connection);
            command.Parameters.AddWithValue("chain", chain.Name());
            newest[chain] = (await ReadAsync(command, ct)).SingleOrDefault();
        }

        return newest;
    }

    private static async Task<IReadOnlyList<AuditRow>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command.Connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync(ct))
        {
            string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
            rows.Add(new AuditRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), Text(6), reader.GetString(7), reader.GetString(8), Text(9), Text(10), Text(11), reader.GetString(12),
                Text(13), reader.GetString(14), reader.GetString(15), Text(16)));
        }

        return rows;
    }

    public static async Task<IReadOnlyList<AuditAnchor>> AnchorsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT chain, seq, row_hash, purged_at FROM audit_anchors ORDER BY seq", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var anchors = new List<AuditAnchor>();
        while (await reader.ReadAsync(ct))
        {
            anchors.Add(new AuditAnchor(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return anchors;
    }

    /// <summary>Recomputes every chain of the database; null when all verify.</summary>
    public static async Task<AuditBreak?> VerifyAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        // One snapshot for both tables, so a purge committing in between cannot look like a break.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        return AuditVerifier.FirstBreak(await RowsAsync(connection, transaction, ct), await AnchorsAsync(connection, transaction, ct));
    }
}
