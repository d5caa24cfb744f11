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
    private const int NoteId = 1;

    [Fact]
    public async Task ACommandThatLosesTheRaceIsDecidedAgainOnTheFreshRowAndTheLostAttemptLeavesNoEventOrAuditRow()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await SubmittedNoteAsync(ct);
        var attempts = 0;
        var written = await db.RetryOnConflictAsync(async token =>
        {
            attempts++;
            // The system's own write lands between the first attempt's read and its save.
            var note = await ReadNoteAsync(db, attempts == 1 ? "提交；短信已送达" : null, token);
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
        await using var db = await SubmittedNoteAsync(ct);
        var attempts = 0;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.RetryOnConflictAsync(async token =>
        {
            attempts++;
            var note = await ReadNoteAsync(db, $"写入{attempts}", token);
            note.Text = "撤回";
            return await db.SaveChangesAsync(token);
        }, ct, attempts: 3));

        Assert.Equal(3, attempts);
    }

    /// <summary>The note both tests race for, as submitted, and a context of its own for the command.</summary>
    private async Task<TestDbContext> SubmittedNoteAsync(CancellationToken ct)
    {
        await using (var setup = Database.NewContext())
        {
            setup.VersionedNotes.Add(new VersionedNote { Id = NoteId, Text = "提交" });
            await setup.SaveChangesAsync(ct);
        }

        return Database.NewContext();
    }

    /// <summary>The command's read of the note; with <paramref name="meanwhile"/>, another writer saves that text over it right after.</summary>
    private async Task<VersionedNote> ReadNoteAsync(TestDbContext db, string? meanwhile, CancellationToken ct)
    {
        var note = await db.VersionedNotes.SingleAsync(n => n.Id == NoteId, ct);
        if (meanwhile is not null)
        {
            await using var other = Database.NewContext();
            (await other.VersionedNotes.SingleAsync(n => n.Id == NoteId, ct)).Text = meanwhile;
            await other.SaveChangesAsync(ct);
        }

        return note;
    }

    private static AuditEntry AuditEntry(int attempt) =>
        AuditDatabase.Entry("ApplicationWithdrawn", $"attempt {attempt}", actor: new AuditActor("clerk-li", "clerk", "office"));
}
