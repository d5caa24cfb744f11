using Microsoft.EntityFrameworkCore;

namespace Visitation.ServiceDefaults.Data;

/// <summary>
/// Remembers that an application was withdrawn, even when the withdrawal arrives before anything
/// else about it: an approval or proposal that turns up later finds the tombstone and stops there.
/// </summary>
public sealed class ApplicationTombstone
{
    public Guid ApplicationId { get; set; }
    public string Reason { get; set; } = string.Empty;
    public DateTimeOffset WithdrawnAt { get; set; }
}

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

/// <summary>
/// Base of every stage's withdrawal consumer. The tombstone is recorded first — under the
/// application's lock — and only then is the stage's own work item looked up, so an intake handled
/// at the same moment either sees the tombstone or has already created the item that is withdrawn here.
/// </summary>
public abstract class WithdrawalConsumer<TContext>(TContext db, TimeProvider clock)
    : Messaging.InboxConsumer<Visitation.Contracts.Events.ApplicationWithdrawn, TContext>(db, clock)
    where TContext : ServiceDbContext
{
    protected sealed override async Task HandleAsync(Visitation.Contracts.Events.ApplicationWithdrawn message, CancellationToken cancellationToken)
    {
        await Db.RecordWithdrawalAsync(message.ApplicationId, message.Reason, message.OccurredAt, cancellationToken);
        await WithdrawWorkAsync(message.ApplicationId, cancellationToken);
    }

    /// <summary>Withdraws the stage's open work item for the application, if it has one.</summary>
    protected abstract Task WithdrawWorkAsync(Guid applicationId, CancellationToken cancellationToken);
}
