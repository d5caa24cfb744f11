using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Database;

namespace Visitation.AuditStore.Data;

public sealed class AuditStoreDbContext(DbContextOptions<AuditStoreDbContext> options) : ServiceDbContext(options)
{
    public DbSet<StoredAuditRow> Rows => Set<StoredAuditRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<StoredAuditRow>(row =>
        {
            row.ToTable("audit_rows");
            row.HasKey(r => r.Id);
            row.Property(r => r.Id).UseIdentityAlwaysColumn();
            // Each row of each service's chain once, however often it is relayed.
            row.HasIndex(r => new { r.Service, r.Chain, r.Seq }).IsUnique();
            // The searches: newest first, by actor, organisation, record, event.
            row.HasIndex(r => new { r.RecordedAt, r.Id }).IsDescending();
            row.HasIndex(r => r.ActorUserId);
            row.HasIndex(r => r.ActorOrganisation);
            row.HasIndex(r => r.OwnerOrganisation);
            row.HasIndex(r => new { r.RecordType, r.RecordId });
            row.HasIndex(r => r.EventType);
            row.HasIndex(r => r.LinkBroken).HasFilter("link_broken");
            foreach (var text in new[] { nameof(StoredAuditRow.Service), nameof(StoredAuditRow.Chain), nameof(StoredAuditRow.ActorRole), nameof(StoredAuditRow.EventType) })
            {
                row.Property(text).HasMaxLength(100);
            }

            row.Property(r => r.PreviousHash).HasMaxLength(64);
            row.Property(r => r.RowHash).HasMaxLength(64);
        });
    }
}
