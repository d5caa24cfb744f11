using Microsoft.EntityFrameworkCore;
using Npgsql;
using Visitation.Messaging.Audit;
using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Audit;

/// <summary>
/// The audit on real PostgreSQL: rows written at the commit of the change they record, chained by
/// the database's trigger in commit order, refused any change afterwards, verified by recomputing.
/// </summary>
public sealed class AuditTrailTests : DatabaseTest
{
    private AuditDatabase _audit = null!;

    private async Task<AuditDatabase> AuditAsync() => _audit ??= await AuditDatabase.CreateAsync(Database);

    [Fact]
    public async Task TheTriggersHashesAreTheOnesTheVerifierRecomputes()
    {
        var audit = await AuditAsync();
        audit.CallingThrough("console");
        await audit.CommitAsync(AuditDatabase.Entry("ApplicationSubmitted", "a1"), AuditDatabase.Entry("ApplicationRead", "a1", AuditChain.Reads));
        audit.Clock.Now = audit.Clock.Now.AddTicks(1234567);
        await audit.CommitAsync(AuditDatabase.Entry("ReviewApproved", "a1", actor: new AuditActor("审核员", "reviewer", "县局")) with { ReasonCode = "R1", Purpose = null, TraceId = "abc" });
        await audit.CommitAsync(AuditDatabase.Entry("ReviewExpired", "a2", actor: AuditActor.System));

        var rows = await audit.RowsAsync();

        Assert.Null(await audit.VerifyAsync());
        Assert.Equal(["ApplicationSubmitted", "ApplicationRead", "ReviewApproved", "ReviewExpired"], rows.Select(r => r.EventType));
        Assert.Equal(["console", "console", "console", null], rows.Select(r => r.ActorClientId));
        Assert.Equal(AuditHash.Genesis, rows.Single(r => r.Chain == "reads").PreviousHash);
        Assert.Equal(rows[0].RowHash, rows[2].PreviousHash); // the changes chain skips the read between them
        Assert.Equal(audit.Clock.Now.ToUniversalTime().AddTicks(-7), rows[2].RecordedAt); // the service clock, to the microsecond
    }

    [Fact]
    public async Task ATransactionAuditingMoreRowsThanOneStatementTakesWritesThemAllChainedInOrder()
    {
        // 14 parameters a row: one statement of 5,000 rows would need 70,000, past PostgreSQL's 65,535.
        const int entries = 5_000;
        var audit = await AuditAsync();

        await audit.CommitAsync([.. Enumerable.Range(0, entries).Select(i => AuditDatabase.Entry("InmateImported", $"i{i}"))]);

        var rows = await audit.RowsAsync();
        Assert.Equal(Enumerable.Range(0, entries).Select(i => $"i{i}"), rows.Select(r => r.RecordId));
        Assert.Null(await audit.VerifyAsync());
    }

    [Fact]
    public async Task RowsChainedBeforeTheOwnerColumnKeepVerifyingAfterItsMigrationAndRowsWithAnOwnerChainOnFromThem()
    {
        // A service's audit as it stood before the owner: rows inserted with the original columns.
        await AuditDatabase.ExecuteAsync(Database.ConnectionString, AuditSchema.Create);
        await AuditDatabase.ExecuteAsync(Database.ConnectionString, """
            INSERT INTO audit_log (chain, recorded_at, actor_user_id, actor_role, actor_organisation, event_type, record_type, record_id, outcome)
            VALUES ('changes', now(), 'officer-sun', 'officer', 'P01', 'ApprovalApproved', 'application', 'old-1', 'approved'),
                   ('changes', now(), 'system', 'system', 'system', 'ApprovalExpired', 'application', 'old-2', 'expired');
            """);

        await AuditDatabase.ExecuteAsync(Database.ConnectionString, AuditSchema.AddOwner);
        var audit = new AuditDatabase(Database);
        await audit.CommitAsync(
            AuditDatabase.Entry("VisitProposed", "new-1", actor: AuditActor.System) with { OwnerOrganisation = "yongji-venue" },
            AuditDatabase.Entry("ReferenceDataLoaded", "sha256:1", actor: AuditActor.System) with { OwnerOrganisation = null });
        var rows = await audit.RowsAsync();

        // The old rows' hashes are the old function's (nothing can rewrite them), recomputed here by the new code.
        Assert.Null(await audit.VerifyAsync());
        Assert.Equal([null, null, "yongji-venue", null], rows.Select(r => r.OwnerOrganisation));
        Assert.Equal(rows[1].RowHash, rows[2].PreviousHash);

        // The owner is in the hash: taking it off the row (triggers off, as only a superuser can) is found.
        await AuditDatabase.ExecuteAsync(Database.ConnectionString, $"""
            ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
            UPDATE audit_log SET owner_organisation = NULL WHERE seq = {rows[2].Seq};
            ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
            """);
        Assert.Equal(rows[2].Seq, (await audit.VerifyAsync())?.Seq);
    }

    [Fact]
    public async Task AnAuditRowThatCannotBeWrittenRollsBackTheChangeAndItsEvent()
    {
        var audit = await AuditAsync();
        await AuditDatabase.ExecuteAsync(Database.ConnectionString, """
            CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused by the test'; END $$;
            CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit();
            """);
        await using (var db = audit.NewContext())
        {
            db.FilePlan("plans", 1, Now);
            db.Audit(AuditDatabase.Entry("ApplicationSubmitted", "a1"));

            var refused = await Assert.ThrowsAnyAsync<PostgresException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
            Assert.Equal("audit refused by the test", refused.MessageText);
        }

        Assert.Equal(Committed.Nothing, await Database.CommittedAsync());
        Assert.Empty(await audit.RowsAsync());
    }

    [Fact]
    public async Task AChangeWithItsAuditRowCommitsBothInOneTransaction()
    {
        // The control for the test above: the same writes with the audit accepting them.
        var audit = await AuditAsync();
        await using (var db = audit.NewContext())
        {
            db.FilePlan("plans", 1, Now);
            db.Audit(AuditDatabase.Entry("ApplicationSubmitted", "a1"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(new Committed(["plans"], 1), await Database.CommittedAsync());
        Assert.Equal("a1", Assert.Single(await audit.RowsAsync()).RecordId);
    }

    [Fact]
    public async Task AnAuditRowInAnExplicitTransactionThatRollsBackIsNotWrittenLater()
    {
        var audit = await AuditAsync();
        await using var db = audit.NewContext();
        await using (var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            db.Audit(AuditDatabase.Entry("VisitCancelled", "v1"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        db.Audit(AuditDatabase.Entry("VisitConfirmed", "v2"));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["v2"], (await audit.RowsAsync()).Select(r => r.RecordId));
    }

    [Fact]
    public async Task ConcurrentTransactionsChainInCommitOrderWithoutABreak()
    {
        var audit = await AuditAsync();
        var writers = Enumerable.Range(0, 8).Select(async writer =>
        {
            for (var i = 0; i < 5; i++)
            {
                await using var db = audit.NewContext();
                db.FilePlan($"t{writer}-{i}", (writer * 10) + i, Now);
                db.Audit(AuditDatabase.Entry("VisitConfirmed", $"{writer}-{i}", writer % 2 == 0 ? AuditChain.Changes : AuditChain.Reads));
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        });

        await Task.WhenAll(writers);

        Assert.Equal(40, (await audit.RowsAsync()).Count);
        Assert.Null(await audit.VerifyAsync());
    }

    [Theory]
    [InlineData("UPDATE audit_log SET outcome = 'rejected'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("TRUNCATE audit_log")]
    [InlineData("UPDATE audit_anchors SET row_hash = 'x'")]
    [InlineData("DELETE FROM audit_anchors")]
    [InlineData("TRUNCATE audit_anchors")]
    public async Task EvenASuperuserIsRefusedAChangeOfTheAuditWhileTheTriggersAreOn(string change)
    {
        var audit = await AuditAsync();
        await audit.CommitAsync(AuditDatabase.Entry("ApplicationSubmitted", "a1"));
        await AuditDatabase.ExecuteAsync(Database.ConnectionString, "INSERT INTO audit_anchors VALUES ('reads', 0, 'h', now())");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => AuditDatabase.ExecuteAsync(Database.ConnectionString, change));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Single(await audit.RowsAsync());
    }

    [Fact]
    public async Task TheVerifierNamesTheRowASuperuserAlteredWithTheTriggerOff()
    {
        var audit = await AuditAsync();
        for (var i = 1; i <= 4; i++)
        {
            await audit.CommitAsync(AuditDatabase.Entry("ApprovalApproved", $"a{i}"));
        }

        var target = (await audit.RowsAsync())[2].Seq;
        await AuditDatabase.ExecuteAsync(Database.ConnectionString, $"""
            ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
            UPDATE audit_log SET outcome = 'rejected' WHERE seq = {target};
            ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
            """);

        var broken = await audit.VerifyAsync();

        Assert.Equal((target, "changes"), (broken?.Seq, broken?.Chain));
    }

    [Fact]
    public async Task APurgeRemovesOnlyRowsPastTheirRetentionAuditsItselfAndLeavesTheChainsVerifiable()
    {
        var audit = await AuditAsync();
        var now = audit.Clock.Now;
        audit.Clock.Now = now.AddDays(-400);
        await audit.CommitAsync(AuditDatabase.Entry("ApplicationSubmitted", "old"), AuditDatabase.Entry("ApplicationRead", "old", AuditChain.Reads));
        audit.Clock.Now = now.AddDays(-10);
        await audit.CommitAsync(AuditDatabase.Entry("ApplicationSubmitted", "new"), AuditDatabase.Entry("ApplicationRead", "new", AuditChain.Reads));

        await using (var connection = new NpgsqlConnection(Database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var purged = await AuditPurge.RunAsync(connection, new AuditActor("audit-admin", "audit-admin", "PROVINCE"), now,
                new Dictionary<AuditChain, TimeSpan> { [AuditChain.Changes] = TimeSpan.FromDays(180), [AuditChain.Reads] = AuditChain.Reads.MinimumRetention() },
                TestContext.Current.CancellationToken);
            Assert.Equal(["changes"], purged.Select(p => p.Chain));
        }

        var rows = await audit.RowsAsync();
        Assert.Equal(["reads/old", "changes/new", "reads/new", "changes/changes:1-1"], rows.Select(r => $"{r.Chain}/{r.RecordId}"));
        Assert.Equal(("audit-admin", "AuditPurged", "purged"), (rows[^1].ActorUserId, rows[^1].EventType, rows[^1].Outcome));
        Assert.Null(await audit.VerifyAsync());
        await audit.CommitAsync(AuditDatabase.Entry("ApplicationSubmitted", "after"));
        Assert.Null(await audit.VerifyAsync());
    }

    [Fact]
    public async Task APurgeShorterThanAChainsMinimumRetentionIsRefused()
    {
        await AuditAsync();
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => AuditPurge.RunAsync(connection, AuditActor.System, Now,
            new Dictionary<AuditChain, TimeSpan> { [AuditChain.Reads] = TimeSpan.FromDays(365) }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheOwningRoleOfAServiceMayOnlyInsertAndSelectTheAudit()
    {
        await AuditAsync();
        await using var role = await ServiceRole.CreateAsync(Database);
        await AuditDatabase.ExecuteAsync(role.ConnectionString, AuditSchema.Create + AuditSchema.AddOwner);
        await AuditDatabase.ExecuteAsync(role.ConnectionString,
            "INSERT INTO audit_log (chain, recorded_at, actor_user_id, actor_role, actor_organisation, event_type, record_type, outcome) VALUES ('changes', now(), 'u', 'clerk', 'O', 'ApplicationSubmitted', 'application', 'done')");
        await AuditDatabase.ExecuteAsync(role.ConnectionString, "SELECT count(*) FROM audit_log");

        foreach (var change in new[] { "UPDATE audit_log SET outcome = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log", "DELETE FROM audit_anchors" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => AuditDatabase.ExecuteAsync(role.ConnectionString, change));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            Assert.Contains("permission denied", refused.MessageText, StringComparison.Ordinal);
        }
    }
}
