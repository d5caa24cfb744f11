namespace Visitation.Messaging.Audit;

/// <summary>The audit store's record of one service's chain: its latest row (by seq), and its copy of the service's newest row, if it has one.</summary>
public sealed record StoredChainHead(long LatestSeq, string LatestRowHash, string? HashAtServicesNewest);

/// <summary>One chain compared with the store's copy: broken or not, and what the operator reads.</summary>
public sealed record AuditCopyCheck(bool Broken, string Message);

/// <summary>
/// What a chain cannot show by itself — rows cut off its newest end — shown against the copy the
/// audit store keeps (docs/audit-store.md): the store must not hold a row past the service's newest,
/// and the rows both hold must have the same hash. A store behind the service is only waiting for
/// its relay.
/// </summary>
public static class AuditStoreCopy
{
    public static AuditCopyCheck Compare(string chain, AuditRow? newest, StoredChainHead? stored)
    {
        if (stored is null)
        {
            return new(false, newest is null ? $"{chain}: empty, and the store holds none" : $"{chain}: the store holds none of its rows yet (relay pending)");
        }

        if (newest is null || stored.LatestSeq > newest.Seq)
        {
            return new(true, $"{chain}: BROKEN: the store holds row {stored.LatestSeq}, the service's newest is {newest?.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: rows were cut off its newest end");
        }

        if (stored.LatestSeq == newest.Seq)
        {
            return stored.LatestRowHash == newest.RowHash
                ? new(false, $"{chain}: the store holds its newest row {newest.Seq}, same hash")
                : new(true, $"{chain}: BROKEN: row {newest.Seq}'s hash differs from the store's copy: the row was rewritten");
        }

        // The store is behind: its copy of the service's newest row cannot exist yet.
        return stored.HashAtServicesNewest is null
            ? new(false, $"{chain}: the store is at row {stored.LatestSeq} of {newest.Seq} (relay pending)")
            : new(true, $"{chain}: BROKEN: the store's copy of row {newest.Seq} differs");
    }
}
