namespace Visitation.Messaging.Audit;

/// <summary>The first row at which a chain stops verifying, and why.</summary>
public sealed record AuditBreak(string Chain, long Seq, string Reason);

/// <summary>
/// Recomputes each chain from its anchor (or the genesis hash) in position order: every row's hash
/// must match its content, and every row must link to the hash of the row before it. A row altered
/// in place fails the first test; a row removed from the middle, or a link rewritten, the second.
/// </summary>
public static class AuditVerifier
{
    /// <summary>The earliest break over all chains, or null when every chain verifies.</summary>
    public static AuditBreak? FirstBreak(IEnumerable<AuditRow> rows, IEnumerable<AuditAnchor> anchors)
    {
        var rowList = rows.ToList();
        var anchorList = anchors.ToList();
        return AuditChains.All
            .Select(chain => chain.Name())
            .Select(chain => FirstBreak(
                chain,
                rowList.Where(row => row.Chain == chain).OrderBy(row => row.Seq),
                anchorList.Where(anchor => anchor.Chain == chain).MaxBy(anchor => anchor.Seq)))
            .OfType<AuditBreak>()
            .MinBy(broken => broken.Seq);
    }

    private static AuditBreak? FirstBreak(string chain, IEnumerable<AuditRow> rows, AuditAnchor? anchor)
    {
        var expectedPrevious = anchor?.RowHash ?? AuditHash.Genesis;
        foreach (var row in rows)
        {
            if (anchor is not null && row.Seq <= anchor.Seq)
            {
                return new(chain, row.Seq, $"row {row.Seq} is older than the purge anchor at {anchor.Seq} and should have gone with it");
            }

            if (row.PreviousHash != expectedPrevious)
            {
                return new(chain, row.Seq, $"row {row.Seq} does not link to the row before it: a row before it was removed, inserted or rewritten");
            }

            if (AuditHash.Of(row) != row.RowHash)
            {
                return new(chain, row.Seq, $"row {row.Seq}'s content does not match its hash: the row was altered");
            }

            expectedPrevious = row.RowHash;
        }

        return null;
    }
}
