using Microsoft.EntityFrameworkCore;

namespace Visitation.Workflow.Withdrawals;

public static class ApplicationTombstones
{
    public static void MapApplicationTombstones(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ApplicationTombstone>(tombstone =>
        {
            tombstone.ToTable("application_tombstones");
            tombstone.HasKey(t => t.ApplicationId);
        });

    /// <summary>
    /// Whether the application was withdrawn. Takes the application's lock for the rest of the
    /// transaction first, so an intake and a withdrawal handled at the same moment cannot both miss
    /// each other's row (each would see neither the other's tombstone nor its work item).
    /// </summary>
    public static async Task<bool> IsWithdrawnAsync(this DbContext db, Guid applicationId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"application:" + applicationId}))", ct);
        return await db.Set<ApplicationTombstone>().AnyAsync(t => t.ApplicationId == applicationId, ct);
    }

    /// <summary>Records the withdrawal once (under the application's lock); a repeated or late copy changes nothing.</summary>
    public static async Task RecordWithdrawalAsync(this DbContext db, Guid applicationId, string reason, DateTimeOffset at, CancellationToken ct)
    {
        if (!await db.IsWithdrawnAsync(applicationId, ct))
        {
            db.Set<ApplicationTombstone>().Add(new ApplicationTombstone { ApplicationId = applicationId, Reason = reason, WithdrawnAt = at });
        }
    }
}
