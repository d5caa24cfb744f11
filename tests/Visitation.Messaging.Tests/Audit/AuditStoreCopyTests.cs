using Visitation.Messaging.Audit;

namespace Visitation.Messaging.Tests.Audit;

/// <summary>A chain's newest row against the audit store's copy, as <c>deploy/audit.sh verify</c> compares them.</summary>
public sealed class AuditStoreCopyTests
{
    private static readonly AuditRow Newest = new(
        7, "changes", new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.Zero), "officer-sun", "officer", "yongji-prison", null,
        "VisitConfirmed", "visit", "v", null, null, "done", null, new string('6', 64), new string('7', 64));

    [Fact]
    public void TheStoreHoldingTheNewestRowWithItsHashIsNotABreak()
    {
        Assert.False(AuditStoreCopy.Compare("changes", Newest, new StoredChainHead(7, Newest.RowHash, Newest.RowHash)).Broken);
    }

    [Fact]
    public void TheStoreHoldingARowPastTheNewestShowsRowsCutOffTheNewestEnd()
    {
        var check = AuditStoreCopy.Compare("changes", Newest, new StoredChainHead(9, new string('9', 64), Newest.RowHash));

        Assert.True(check.Broken);
        Assert.Contains("cut off its newest end", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AChainEmptiedWhileTheStoreHoldsItsRowsIsABreak()
    {
        Assert.True(AuditStoreCopy.Compare("changes", null, new StoredChainHead(3, new string('3', 64), null)).Broken);
    }

    [Fact]
    public void TheNewestRowWithAnotherHashThanTheStoresCopyIsABreak()
    {
        var check = AuditStoreCopy.Compare("changes", Newest, new StoredChainHead(7, new string('e', 64), new string('e', 64)));

        Assert.True(check.Broken);
        Assert.Contains("rewritten", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStoreBehindTheServiceIsOnlyWaitingForItsRelay()
    {
        Assert.False(AuditStoreCopy.Compare("changes", Newest, new StoredChainHead(5, new string('5', 64), null)).Broken);
        Assert.False(AuditStoreCopy.Compare("changes", Newest, null).Broken);
    }
}
