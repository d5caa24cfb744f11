using Microsoft.EntityFrameworkCore;
using Visitation.AuditStore.Data;
using Visitation.Contracts.Events;
using Visitation.Messaging.Audit;

namespace Visitation.AuditStore.Features.Record;

/// <summary>
/// Keeps relayed rows of one service's chain once each, keyed by (service, chain, seq) — a redelivery
/// finds the inbox row, rows published again after a relay's crash find the key — and checks the
/// chain's links where the arrival touches it: each new row against the row the store holds before
/// it, and a row already held right after a new one (rows may arrive out of order) against it. A
/// row whose link does not hold is kept, flagged <see cref="StoredAuditRow.LinkBroken"/>.
/// </summary>
internal static class ChainArrival
{
    public static async Task KeepAsync(AuditStoreDbContext db, string service, string chain, IReadOnlyList<AuditRecorded> arrived, DateTimeOffset now, CancellationToken ct)
    {
        if (arrived.Count == 0)
        {
            return;
        }

        if (arrived.Any(row => row.Service != service || row.Chain != chain))
        {
            throw new ArgumentException($"Every relayed row must belong to {service} {chain}.", nameof(arrived));
        }

        // One writer per service and chain at a time, so two neighbours arriving together both see each other.
        var chainKey = $"{service}|{chain}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({chainKey}, 0))", ct);

        var rows = arrived.DistinctBy(row => row.Seq).ToDictionary(row => row.Seq);
        var first = rows.Keys.Min();
        var last = rows.Keys.Max();
        var neighbours = db.Rows.Where(r => r.Service == service && r.Chain == chain);
        var held = await neighbours.Where(r => r.Seq >= first && r.Seq <= last).ToDictionaryAsync(r => r.Seq, ct);
        var before = await neighbours.Where(r => r.Seq < first).OrderByDescending(r => r.Seq).Select(r => r.RowHash).FirstOrDefaultAsync(ct);
        var after = await neighbours.Where(r => r.Seq > last).OrderBy(r => r.Seq).FirstOrDefaultAsync(ct);

        // Walk the chain from the row before the arrival to the row after it, held and new rows merged in seq order.
        var previousHash = before ?? AuditHash.Genesis;
        var previousIsNew = false;
        foreach (var seq in rows.Keys.Union(held.Keys).Order())
        {
            if (held.TryGetValue(seq, out var kept))
            {
                if (previousIsNew)
                {
                    kept.LinkBroken = kept.PreviousHash != previousHash;
                }

                previousHash = kept.RowHash;
                previousIsNew = false;
                continue;
            }

            var row = rows[seq];
            db.Rows.Add(StoredRows.From(row, previousHash, now));
            previousHash = row.RowHash;
            previousIsNew = true;
        }

        if (after is not null && previousIsNew)
        {
            after.LinkBroken = after.PreviousHash != previousHash;
        }
    }
}
