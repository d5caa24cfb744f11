using Microsoft.EntityFrameworkCore;
using Visitation.AuditStore.Data;
using Visitation.Contracts.Events;
using Visitation.Messaging;
using Visitation.Messaging.Audit;

namespace Visitation.AuditStore.Features.Record;

/// <summary>
/// Keeps each relayed audit row once, keyed by (service, chain, seq) — a redelivery finds the
/// inbox row, a relay that published the row again after a crash finds the unique key — and checks
/// its chain's links both ways: this row against the row before it, and the row after it (already
/// here when rows arrive out of order) against this one. A row whose link does not hold is kept,
/// flagged <see cref="StoredAuditRow.LinkBroken"/>.
/// </summary>
public sealed class AuditRecordedConsumer(AuditStoreDbContext db, TimeProvider clock) : InboxConsumer<AuditRecorded, AuditStoreDbContext>(db, clock)
{
    protected override async Task HandleAsync(AuditRecorded message, CancellationToken cancellationToken)
    {
        // One writer per service and chain at a time, so two neighbours arriving together both see each other.
        var chainKey = $"{message.Service}|{message.Chain}";
        await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({chainKey}, 0))", cancellationToken);
        var neighbours = Db.Rows.Where(r => r.Service == message.Service && r.Chain == message.Chain);
        if (await neighbours.AnyAsync(r => r.Seq == message.Seq, cancellationToken))
        {
            return; // relayed again under another delivery: kept once
        }

        var before = await neighbours.Where(r => r.Seq < message.Seq).OrderByDescending(r => r.Seq).Select(r => r.RowHash).FirstOrDefaultAsync(cancellationToken);
        var after = await neighbours.Where(r => r.Seq > message.Seq).OrderBy(r => r.Seq).FirstOrDefaultAsync(cancellationToken);
        if (after is not null)
        {
            after.LinkBroken = after.PreviousHash != message.RowHash;
        }

        Db.Rows.Add(StoredRows.From(message, before ?? AuditHash.Genesis, Clock.GetUtcNow()));
    }
}
