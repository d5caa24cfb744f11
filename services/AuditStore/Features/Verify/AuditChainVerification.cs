using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Visitation.AuditStore.Data;
using Visitation.Messaging;
using Visitation.Messaging.Audit;

namespace Visitation.AuditStore.Features.Verify;

/// <summary>
/// Verifies the store's copy of every service's audit chain, a part at a time (docs/audit-store.md,
/// "Verifying the chains"). Each round, per service and chain: the rows that came since the last
/// verified one are recomputed from its hash (each row's content against its hash, and its link to the
/// row before it), and the sweep recomputes the next batch of the rows already verified, from the
/// chain's start again once it reaches the newest — so a row altered in the store after it was
/// verified is found within one sweep. The first row that does not verify breaks the chain: the round
/// records it in <c>audit_chain_checks</c> and <see cref="AuditChainMetrics"/> reports the chain
/// broken (alert <c>AuditChainBroken</c>); neither run moves past it, so the next round looks at it
/// again and clears the report once it verifies. A row that does not link only because the row before
/// it has not arrived yet is given <see cref="AuditChainVerificationOptions.PendingGrace"/>.
/// Instances take turns (an advisory lock for the round's transaction); each reports what its own
/// rounds found.
/// </summary>
public sealed partial class AuditChainVerification(
    AuditStoreDbContext db,
    AuditChainMetrics metrics,
    IOptions<AuditChainVerificationOptions> options,
    TimeProvider clock,
    ILogger<AuditChainVerification> logger) : IPeriodicWork
{
    /// <summary>The advisory lock of a round (the store's database only; after the relay's).</summary>
    public const long LockKey = AuditRelay.LockKey + 1;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        var checks = (await db.Database.SqlQuery<ChainCheck>($"""
                SELECT service, chain, verified_seq, verified_hash, swept_seq, swept_hash, broken_seq, broken_reason FROM audit_chain_checks
                """).ToListAsync(cancellationToken))
            .ToDictionary(check => new ChainKey { Service = check.Service, Chain = check.Chain });
        foreach (var chain in await ChainsAsync(cancellationToken))
        {
            var before = checks.GetValueOrDefault(chain) ?? ChainCheck.Start(chain);
            var (after, verified) = await VerifyAsync(before, cancellationToken);
            if (after != before)
            {
                await SaveAsync(after, cancellationToken);
            }

            if (after.BrokenSeq is not null && after.BrokenSeq != before.BrokenSeq)
            {
                LogBroken(logger, after.Service, after.Chain, after.BrokenSeq.Value, after.BrokenReason ?? string.Empty);
            }

            metrics.Record(after.Service, after.Chain, after.BrokenSeq is not null, verified);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One chain's round: the new rows, then the sweep's next batch; the chain's check after it, and the rows recomputed.</summary>
    private async Task<(ChainCheck Check, int Verified)> VerifyAsync(ChainCheck check, CancellationToken ct)
    {
        var batch = options.Value.BatchSize;
        var fresh = await RowsAsync(check.Service, check.Chain, check.VerifiedSeq, long.MaxValue, batch, ct);
        var head = Run(check.Chain, check.VerifiedSeq, check.VerifiedHash, fresh);
        var broken = head.Break;
        if (broken is { Unlinked: true } && fresh.Single(row => row.Seq == broken.Seq).ReceivedAt > clock.GetUtcNow() - options.Value.PendingGrace)
        {
            broken = null; // the row before it may still be on its way
        }

        var old = await RowsAsync(check.Service, check.Chain, check.SweptSeq, head.LastSeq, batch, ct);
        var sweep = Run(check.Chain, check.SweptSeq, check.SweptHash, old);
        broken ??= sweep.Break;
        // The sweep starts over once it has reached the verified end (a batch not full), unless it stopped at a break.
        var (sweptSeq, sweptHash) = sweep.Break is null && old.Count < batch ? (0L, AuditHash.Genesis) : (sweep.LastSeq, sweep.LastHash);
        return (check with
        {
            VerifiedSeq = head.LastSeq,
            VerifiedHash = head.LastHash,
            SweptSeq = sweptSeq,
            SweptHash = sweptHash,
            BrokenSeq = broken?.Seq,
            BrokenReason = broken?.Reason,
        }, head.Verified + sweep.Verified);
    }

    /// <summary>Verifies rows in order from a row of known hash: the last row that verified, how many did, and the first that did not.</summary>
    private static (long LastSeq, string LastHash, int Verified, AuditBreak? Break) Run(string chain, long fromSeq, string fromHash, IEnumerable<StoredAuditRow> rows)
    {
        var (lastSeq, lastHash, verified) = (fromSeq, fromHash, 0);
        foreach (var row in rows)
        {
            if (AuditVerifier.Check(chain, AsAuditRow(row), lastHash) is { } broken)
            {
                return (lastSeq, lastHash, verified, broken);
            }

            (lastSeq, lastHash, verified) = (row.Seq, row.RowHash, verified + 1);
        }

        return (lastSeq, lastHash, verified, null);
    }

    private async Task<List<StoredAuditRow>> RowsAsync(string service, string chain, long afterSeq, long untilSeq, int limit, CancellationToken ct) =>
        await db.Rows.AsNoTracking()
            .Where(row => row.Service == service && row.Chain == chain && row.Seq > afterSeq && row.Seq <= untilSeq)
            .OrderBy(row => row.Seq)
            .Take(limit)
            .ToListAsync(ct);

    /// <summary>Every (service, chain) the store holds rows of, read as a skip over the (service, chain, seq) index rather than a scan of the rows.</summary>
    private async Task<List<ChainKey>> ChainsAsync(CancellationToken ct) =>
        await db.Database.SqlQuery<ChainKey>($"""
            WITH RECURSIVE chains AS (
                (SELECT service, chain FROM audit_rows ORDER BY service, chain LIMIT 1)
                UNION ALL
                SELECT next.service, next.chain FROM chains,
                    LATERAL (SELECT r.service, r.chain FROM audit_rows r WHERE (r.service, r.chain) > (chains.service, chains.chain)
                             ORDER BY r.service, r.chain LIMIT 1) next
            )
            SELECT service, chain FROM chains
            """).ToListAsync(ct);

    private async Task SaveAsync(ChainCheck check, CancellationToken ct)
    {
        // Typed, so that a null (a chain not broken) is a null bigint and text, not a value of unknown type.
        var brokenSeq = new NpgsqlParameter("broken_seq", NpgsqlDbType.Bigint) { Value = (object?)check.BrokenSeq ?? DBNull.Value };
        var brokenReason = new NpgsqlParameter("broken_reason", NpgsqlDbType.Text) { Value = (object?)check.BrokenReason ?? DBNull.Value };
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_chain_checks (service, chain, verified_seq, verified_hash, swept_seq, swept_hash, broken_seq, broken_reason, checked_at)
            VALUES ({check.Service}, {check.Chain}, {check.VerifiedSeq}, {check.VerifiedHash}, {check.SweptSeq}, {check.SweptHash}, {brokenSeq}, {brokenReason}, {clock.GetUtcNow()})
            ON CONFLICT (service, chain) DO UPDATE SET
                verified_seq = EXCLUDED.verified_seq, verified_hash = EXCLUDED.verified_hash,
                swept_seq = EXCLUDED.swept_seq, swept_hash = EXCLUDED.swept_hash,
                broken_seq = EXCLUDED.broken_seq, broken_reason = EXCLUDED.broken_reason, checked_at = EXCLUDED.checked_at
            """, ct);
    }

    private static AuditRow AsAuditRow(StoredAuditRow row) => new(
        row.Seq, row.Chain, row.RecordedAt, row.ActorUserId, row.ActorRole, row.ActorOrganisation, row.ActorClientId, row.EventType,
        row.RecordType, row.RecordId, row.ReasonCode, row.Purpose, row.Outcome, row.TraceId, row.PreviousHash, row.RowHash, row.OwnerOrganisation);

    [LoggerMessage(2201, LogLevel.Error, "The audit store's copy of {Service}'s {Chain} chain does not verify at row {Seq}: {Reason}")]
    private static partial void LogBroken(ILogger logger, string service, string chain, long seq, string reason);
}
