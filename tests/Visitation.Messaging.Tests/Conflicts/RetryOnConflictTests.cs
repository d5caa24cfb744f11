using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Audit;
using Visitation.Messaging.Database;
using Visitation.Messaging.Tests.Infrastructure;
using Visitation.Messaging.Tests.Audit;

namespace Visitation.Messaging.Tests.Conflicts;

/// <summary>
/// <see cref="ServiceDbContext.RetryOnConflictAsync{T}"/> on real PostgreSQL: a command whose save
/// loses the race for a row (another writer changed it after the command read it) is decided again
/// from a fresh read, and nothing the lost attempt queued or audited survives it.
/// </summary>
public sealed class RetryOnConflictTests : DatabaseTest
{
    [Fact]
    public async Task ACommandThatLosesTheRaceIsDecidedAgainOnTheFreshRowAndTheLostAttemptLeavesNoEventOrAuditRow()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var setup = Database.NewContext())
        {
            setup.VersionedNotes.Add(new VersionedNote { Id = 1, Text = "提交" });
            await setup.SaveChangesAsync(ct);
        }

        await using var db = Database.NewContext();
        var attempts = 0;
        var written = await db.RetryOnConflictAsync(async token =>
        {
            attempts++;
            var note = await db.VersionedNotes.SingleAsync(n => n.Id == 1, token);
            if (attempts == 1)
            {
                await WriteMeanwhileAsync("提交；短信已送达", token); // the system's own write, between our read and our save
            }

            note.Text += "；撤回";
            db.Publish(new Tally { Name = $"withdrawn after {note.Text}" }, Now);
            db.Audit(AuditEntry(attempts));
            await db.SaveChangesAsync(token);
            return note.Text;
        }, ct);

        Assert.Equal(2, attempts);
        Assert.Equal("提交；短信已送达；撤回", written);
        await using var check = Database.NewContext();
        Assert.Equal("提交；短信已送达；撤回", (await check.VersionedNotes.SingleAsync(ct)).Text);
        var published = Assert.Single(await check.OutboxMessages.ToListAsync(ct));
        Assert.Contains("短信已送达", published.Body, StringComparison.Ordinal);
        Assert.Equal(["attempt 2"], db.PendingAudit.Take().Select(e => e.RecordId));
    }

    [Fact]
    public async Task AConflictOnEveryAttemptIsHandedToTheCallerAfterTheLastOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var setup = Database.NewContext())
        {
            setup.VersionedNotes.Add(new VersionedNote { Id = 1, Text = "提交" });
            await setup.SaveChangesAsync(ct);
        }

        await using var db = Database.NewContext();
        var attempts = 0;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.RetryOnConflictAsync(async token =>
        {
            attempts++;
            var note = await db.VersionedNotes.SingleAsync(n => n.Id == 1, token);
            await WriteMeanwhileAsync($"写入{attempts}", token);
            note.Text = "撤回";
            return await db.SaveChangesAsync(token);
        }, ct, attempts: 3));

        Assert.Equal(3, attempts);
    }

    private async Task WriteMeanwhileAsync(string text, CancellationToken ct)
    {
        await using var other = Database.NewContext();
        (await other.VersionedNotes.SingleAsync(n => n.Id == 1, ct)).Text = text;
        await other.SaveChangesAsync(ct);
    }

    private static AuditEntry AuditEntry(int attempt) =>
        AuditDatabase.Entry("ApplicationWithdrawn", $"attempt {attempt}", actor: new AuditActor("clerk-li", "clerk", "office"));
}
