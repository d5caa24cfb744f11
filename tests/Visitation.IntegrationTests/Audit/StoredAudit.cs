using Npgsql;
using Visitation.Contracts.Events;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Audit;

/// <summary>The audit store's rows as the tests read them, straight from its database, and rows made up for it to receive.</summary>
public sealed class StoredAudit(VisitationSystem system)
{
    private string Database => system.AuditStoreDatabase;

    /// <summary>The store's copies of one row of one service's chain: (row_hash, link_broken) each.</summary>
    public async Task<IReadOnlyList<(string RowHash, bool LinkBroken)>> CopiesAsync(string service, string chain, long seq)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT row_hash, link_broken FROM audit_rows WHERE service = @service AND chain = @chain AND seq = @seq", connection);
        command.Parameters.AddWithValue("service", service);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("seq", seq);
        await using var reader = await command.ExecuteReaderAsync();
        var copies = new List<(string, bool)>();
        while (await reader.ReadAsync())
        {
            copies.Add((reader.GetString(0), reader.GetBoolean(1)));
        }

        return copies;
    }

    /// <summary>Waits until the store holds the row, then returns its copies (more than one would be a duplicate).</summary>
    public async Task<IReadOnlyList<(string RowHash, bool LinkBroken)>> ArrivedAsync(string service, string chain, long seq) =>
        await Eventually.Until(() => CopiesAsync(service, chain, seq), copies => copies.Count > 0, $"the store's copy of {service} {chain}:{seq}");

    /// <summary>True once the store's consumer has handled the delivery with this message id (its inbox row commits with the effect).</summary>
    public async Task<bool> HandledAsync(Guid messageId)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM inbox_messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("id", messageId);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Publishes a made-up row onto the run's broker as a service's relay would (a run of one), and waits until the store handled it.</summary>
    public Task DeliverAsync(AuditRecorded row, Guid? messageId = null) => DeliverAsync([row], messageId);

    /// <summary>Publishes made-up rows of one chain as one relay round would, and waits until the store handled them.</summary>
    public async Task DeliverAsync(IReadOnlyList<AuditRecorded> rows, Guid? messageId = null)
    {
        var id = messageId ?? Guid.NewGuid();
        await system.PublishAsync(Run(rows), id);
        await Eventually.Until(() => HandledAsync(id), handled => handled, $"the store handling {rows[0].Service} {rows[0].Chain}:{string.Join(',', rows.Select(row => row.Seq))}");
    }

    /// <summary>Rows of one chain as the relay publishes them.</summary>
    public static AuditRowsRecorded Run(IReadOnlyList<AuditRecorded> rows) => new(rows[0].Service, rows[0].Chain, rows);

    /// <summary>
    /// A row of a made-up service (its own chain, so no other test's rows are its neighbours), acted
    /// by <paramref name="actor"/> of <paramref name="organisation"/> at <paramref name="at"/>.
    /// </summary>
    public static AuditRecorded Row(string service, long seq, string previousHash, string rowHash, string actor, string organisation, DateTimeOffset at,
        string eventType = "ApplicationSubmitted", string recordId = "r") =>
        new(service, "changes", seq, at, actor, "clerk", organisation, null, eventType, "application", recordId, null, null, "done", null, previousHash, rowHash);

    /// <summary>A 64-character hex "hash" that names what it stands for.</summary>
    public static string Hash(char digit) => new(digit, 64);
}
