using System.Globalization;
using Npgsql;

namespace Visitation.Messaging.Audit;

/// <summary>What a purge removed from one chain: its positions, and the hash the chain now starts from.</summary>
public sealed record PurgedRange(string Chain, long FirstSeq, long LastSeq, int Rows, string AnchorHash);

/// <summary>
/// Removes each chain's rows past their retention, from the chain's oldest end only (a chain cut in
/// the middle could no longer be verified), and leaves the last removed row's hash as the chain's
/// anchor. Needs a superuser: the triggers refuse DELETE to everyone, and only a superuser may turn
/// them off for the transaction. The purge is itself audited, in the same transaction.
/// </summary>
public static class AuditPurge
{
    public const string EventType = "AuditPurged";

    /// <param name="retention">Per chain; a period shorter than the chain's minimum is refused.</param>
    public static async Task<IReadOnlyList<PurgedRange>> RunAsync(
        NpgsqlConnection connection, AuditActor purger, DateTimeOffset now, IReadOnlyDictionary<AuditChain, TimeSpan> retention, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(purger);
        ArgumentNullException.ThrowIfNull(retention);
        foreach (var (chain, period) in retention)
        {
            if (period < chain.MinimumRetention())
            {
                throw new ArgumentOutOfRangeException(nameof(retention), $"the {chain.Name()} chain must be kept at least {chain.MinimumRetention().TotalDays} days");
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({AuditLock.Key})"), ct);
        var purged = new List<PurgedRange>();
        foreach (var (chain, period) in retention)
        {
            if (await PurgeChainAsync(connection, transaction, chain.Name(), now - period, now, ct) is { } range)
            {
                purged.Add(range);
            }
        }

        await using (var audit = new NpgsqlCommand(AuditInsert.Sql(1), connection, transaction))
        {
            var record = string.Join(';', purged.Select(range => string.Create(CultureInfo.InvariantCulture, $"{range.Chain}:{range.FirstSeq}-{range.LastSeq}")));
            AuditInsert.AddParameters(audit, new AuditEntry(
                purger, AuditChain.Changes, EventType, "audit_log", record.Length == 0 ? null : record, OwnerOrganisation: null, "retention", null,
                purged.Count == 0 ? "nothing_due" : "purged", null), now);
            await audit.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return purged;
    }

    private static async Task<PurgedRange?> PurgeChainAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string chain, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken ct)
    {
        // The oldest end: every row before the chain's first row that is still within its retention.
        await using var range = new NpgsqlCommand(
            """
            SELECT min(seq), max(seq), count(*)::int, (array_agg(row_hash ORDER BY seq DESC))[1]
            FROM audit_log
            WHERE chain = @chain
              AND seq < coalesce((SELECT min(seq) FROM audit_log WHERE chain = @chain AND recorded_at >= @cutoff), 9223372036854775807)
            """, connection, transaction);
        range.Parameters.AddWithValue("chain", chain);
        range.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        long first, last;
        int count;
        string anchorHash;
        await using (var reader = await range.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            if (reader.IsDBNull(0))
            {
                return null;
            }

            (first, last, count, anchorHash) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3));
        }

        await using (var anchor = new NpgsqlCommand("INSERT INTO audit_anchors (chain, seq, row_hash, purged_at) VALUES (@chain, @seq, @hash, @now)", connection, transaction))
        {
            anchor.Parameters.AddWithValue("chain", chain);
            anchor.Parameters.AddWithValue("seq", last);
            anchor.Parameters.AddWithValue("hash", anchorHash);
            anchor.Parameters.AddWithValue("now", now.ToUniversalTime());
            await anchor.ExecuteNonQueryAsync(ct);
        }

        // Triggers off for this transaction only (superusers alone may): the append-only trigger would refuse the delete.
        await ExecuteAsync(connection, transaction, "SET LOCAL session_replication_role = replica", ct);
        await using (var delete = new NpgsqlCommand("DELETE FROM audit_log WHERE chain = @chain AND seq <= @last", connection, transaction))
        {
            delete.Parameters.AddWithValue("chain", chain);
            delete.Parameters.AddWithValue("last", last);
            await delete.ExecuteNonQueryAsync(ct);
        }

        await ExecuteAsync(connection, transaction, "SET LOCAL session_replication_role = origin", ct);
        return new PurgedRange(chain, first, last, count, anchorHash);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
