using Visitation.Messaging.Audit;

namespace Visitation.Messaging.Tests.Audit;

/// <summary>The hash chain as the verifier recomputes it, on rows built in memory.</summary>
public sealed class AuditChainTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 1, 2, 3, TimeSpan.Zero);

    [Fact]
    public void AnUntouchedChainVerifies()
    {
        Assert.Null(AuditVerifier.FirstBreak(Chain("changes", 1, 5), []));
    }

    [Fact]
    public void ARowWhoseContentChangedIsNamedAsTheFirstBreak()
    {
        var rows = Chain("changes", 1, 5).ToList();
        rows[2] = rows[2] with { ActorUserId = "someone-else" };

        var broken = AuditVerifier.FirstBreak(rows, []);

        Assert.Equal(3, broken?.Seq);
        Assert.Contains("altered", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowRemovedFromTheMiddleIsFoundAtTheRowAfterIt()
    {
        var rows = Chain("changes", 1, 5).Where(row => row.Seq != 3).ToList();

        Assert.Equal(4, AuditVerifier.FirstBreak(rows, [])?.Seq);
    }

    [Fact]
    public void ARowWhoseOwnHashWasRecomputedAfterAnAlterationUnlinksTheNextRow()
    {
        var rows = Chain("changes", 1, 4).ToList();
        var altered = rows[1] with { Outcome = "rejected" };
        rows[1] = altered with { RowHash = AuditHash.Of(altered) };

        Assert.Equal(3, AuditVerifier.FirstBreak(rows, [])?.Seq);
    }

    [Fact]
    public void AChainCutByAPurgeVerifiesFromItsAnchorAndNotWithout()
    {
        var rows = Chain("reads", 1, 6).ToList();
        var anchor = new AuditAnchor("reads", 3, rows[2].RowHash, At);
        var kept = rows.Skip(3).ToList();

        Assert.Null(AuditVerifier.FirstBreak(kept, [anchor]));
        Assert.Equal(4, AuditVerifier.FirstBreak(kept, [])?.Seq);
    }

    [Fact]
    public void TheEarliestBreakOfEitherChainIsTheOneNamed()
    {
        var changes = Chain("changes", 1, 3).ToList();
        var reads = Chain("reads", 10, 3).ToList();
        changes[2] = changes[2] with { Purpose = "x" };
        reads[0] = reads[0] with { Purpose = "x" };

        Assert.Equal(3, AuditVerifier.FirstBreak([.. changes, .. reads], [])?.Seq);
    }

    [Fact]
    public void MovingTextFromOneFieldToTheNextChangesTheHash()
    {
        var row = Row("changes", 1, AuditHash.Genesis) with { RecordType = "ab", RecordId = "c" };

        Assert.NotEqual(AuditHash.Of(row), AuditHash.Of(row with { RecordType = "a", RecordId = "bc" }));
        Assert.NotEqual(AuditHash.Of(row with { ReasonCode = null }), AuditHash.Of(row with { ReasonCode = "" }));
    }

    [Fact]
    public void TheCanonicalTextCountsUtf8BytesAndWritesMicroseconds()
    {
        var row = Row("changes", 7, AuditHash.Genesis) with { ActorOrganisation = "监狱", RecordedAt = new DateTimeOffset(2026, 1, 2, 11, 4, 5, TimeSpan.FromHours(8)).AddTicks(1234560) };

        var text = AuditHash.Canonical(row);

        Assert.StartsWith("1:7|7:changes|27:2026-01-02T03:04:05.123456Z|", text, StringComparison.Ordinal);
        Assert.Contains("|6:监狱|", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowWithoutAnOwnerHashesAsRowsDidBeforeTheColumnAndARowWithOneAddsItAsASixteenthField()
    {
        var unowned = Row("changes", 7, AuditHash.Genesis);
        var owned = unowned with { OwnerOrganisation = "yongji-bureau" };

        Assert.EndsWith($"|64:{AuditHash.Genesis}", AuditHash.Canonical(unowned), StringComparison.Ordinal);
        Assert.Equal(15, AuditHash.Canonical(unowned).Split('|').Length);
        Assert.Equal(AuditHash.Canonical(unowned) + "|13:yongji-bureau", AuditHash.Canonical(owned));
        Assert.NotEqual(AuditHash.Of(unowned), AuditHash.Of(owned));
        Assert.NotEqual(AuditHash.Of(owned), AuditHash.Of(owned with { OwnerOrganisation = string.Empty }));
    }

    [Fact]
    public void AnOwnerRemovedFromARowOrGivenToOneIsNamedAsTheBreak()
    {
        var rows = Chain("changes", 1, 3).Select(row => row with { OwnerOrganisation = "P01" }).Select(Rehash).ToList();
        Relink(rows);

        Assert.Null(AuditVerifier.FirstBreak(rows, []));
        Assert.Equal(2, AuditVerifier.FirstBreak([rows[0], rows[1] with { OwnerOrganisation = null }, rows[2]], [])?.Seq);
        Assert.Equal(3, AuditVerifier.FirstBreak([rows[0], rows[1], rows[2] with { OwnerOrganisation = "P02" }], [])?.Seq);
    }

    private static AuditRow Rehash(AuditRow row) => row with { RowHash = AuditHash.Of(row) };

    private static void Relink(List<AuditRow> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            rows[i] = Rehash(rows[i] with { PreviousHash = rows[i - 1].RowHash });
        }
    }

    private static IEnumerable<AuditRow> Chain(string chain, long firstSeq, int count)
    {
        var previous = AuditHash.Genesis;
        for (var seq = firstSeq; seq < firstSeq + count; seq++)
        {
            var row = Row(chain, seq, previous);
            yield return row;
            previous = row.RowHash;
        }
    }

    private static AuditRow Row(string chain, long seq, string previous)
    {
        var row = new AuditRow(seq, chain, At.AddSeconds(seq), "officer-sun", "officer", "P01", null, "ApprovalApproved", "application",
            Guid.Empty.ToString(), null, null, "approved", null, previous, string.Empty);
        return row with { RowHash = AuditHash.Of(row) };
    }
}
