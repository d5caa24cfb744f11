using Microsoft.EntityFrameworkCore;
using Visitation.ServiceDefaults.Data;

namespace Visitation.PrisonApproval.Data;

public sealed class PrisonApprovalDbContext(DbContextOptions<PrisonApprovalDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Inmate> Inmates => Set<Inmate>();
    public DbSet<Approval> Approvals => Set<Approval>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.MapApplicationTombstones();
        modelBuilder.Entity<Inmate>(inmate =>
        {
            inmate.ToTable("inmates");
            inmate.HasKey(i => i.Id);
            inmate.HasIndex(i => new { i.PrisonId, i.InmateNumber }).IsUnique();
            inmate.HasIndex(i => new { i.PrisonId, i.Name });
        });
        modelBuilder.Entity<Approval>(approval =>
        {
            approval.ToTable("approvals");
            approval.HasKey(a => a.ApplicationId);
            approval.Property(a => a.Application).HasJsonColumn();
            approval.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            approval.Property(a => a.Version).IsRowVersion();
            approval.HasIndex(a => new { a.PrisonId, a.Status, a.ReceivedAt });
        });
    }
}

internal sealed class DesignTimeDbContextFactory : DesignTimeFactory<PrisonApprovalDbContext>;
