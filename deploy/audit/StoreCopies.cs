using Npgsql;
using Visitation.Messaging.Audit;

/// <summary>
/// The audit store's database, read for <c>verify</c>: per service and chain the store's latest row
/// and its copy of the service's newest row, compared by <see cref="AuditStoreCopy"/>.
/// </summary>
internal sealed class StoreCopies(NpgsqlConnection connection) : IAsyncDisposable
{
    /// <summary>The store's database, or null when it cannot be reached (not deployed, another server).</summary>
    public static async Task<StoreCopies?> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            await using var probe = new NpgsqlCommand("SELECT 1 FROM audit_rows LIMIT 1", connection);
            await probe.ExecuteScalarAsync();
            return new StoreCopies(connection);
        }
        catch (NpgsqlException)
        {
            await connection.DisposeAsync();
            return null;
        }
    }

    public async Task<List<AuditCopyCheck>> CompareAsync(string service, string serviceDatabase)
    {
        await using var source = new NpgsqlConnection(serviceDatabase);
        await source.OpenAsync();
        var newest = await AuditStore.NewestAsync(source, CancellationToken.None);
        // The name the service's relay gives its rows: its messaging name (bureau-review), not its database's.
        var relayed = service.Replace('_', '-');
        var checks = new List<AuditCopyCheck>();
        foreach (var chain in AuditChains.All)
        {
            checks.Add(AuditStoreCopy.Compare(chain.Name(), newest[chain], await HeadAsync(relayed, chain.Name(), newest[chain]?.Seq)));
        }

        return checks;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private async Task<StoredChainHead?> HeadAsync(string service, string chain, long? servicesNewest)
    {
        await using var latest = new NpgsqlCommand(
            """
            SELECT seq, row_hash, (SELECT row_hash FROM audit_rows WHERE service = @service AND chain = @chain AND seq = @newest)
            FROM audit_rows WHERE service = @service AND chain = @chain ORDER BY seq DESC LIMIT 1
            """, connection);
        latest.Parameters.AddWithValue("service", service);
        latest.Parameters.AddWithValue("chain", chain);
        latest.Parameters.AddWithValue("newest", servicesNewest ?? -1);
        await using var reader = await latest.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new StoredChainHead(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }
}
