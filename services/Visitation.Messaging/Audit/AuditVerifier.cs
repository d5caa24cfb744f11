namespace Visitation.Messaging.Audit;

/// <summary>
/// The first row at which a chain stops verifying, and why. <paramref name="Unlinked"/>: the row's content
/// matches its hash but it does not link to the row before it (a row removed, inserted or rewritten before
/// it, or, in the audit store, one that has not arrived yet).
/// </summary>
public sealed record AuditBreak(string Chain, long Seq, string Reason, bool Unlinked = false);

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

            if (Check(chain, row, expectedPrevious) is { } broken)
            {
                return broken;
            }

            expectedPrevious = row.RowHash;
        }

        return null;
    }

    /// <summary>
    /// Whether one row verifies where the row before it had the hash <paramref name="expectedPrevious"/>:
    /// null when it does, else why not (the link first, then the content). Rows are checked one by one so
    /// that a chain can be verified a part at a time from the last row that did (the audit store's watch).
    /// </summary>
    public static AuditBreak? Check(string chain, AuditRow row, string expectedPrevious)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.PreviousHash != expectedPrevious)
        {
            return new(chain, row.Seq, $"row {row.Seq} does not link to the row before it: a row before it was removed, inserted or rewritten", Unlinked: true);
        }

        return AuditHash.Of(row) != row.RowHash
            ? new(chain, row.Seq, $"row {row.Seq}'s content does not match its hash: the row was altered")
            : null;
    }
}
