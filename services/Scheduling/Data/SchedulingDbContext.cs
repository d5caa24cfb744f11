using Microsoft.EntityFrameworkCore;
using Visitation.ServiceDefaults.Data;

namespace Visitation.Scheduling.Data;

public sealed class SchedulingDbContext(DbContextOptions<SchedulingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Visit> Visits => Set<Visit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.MapApplicationTombstones();
        modelBuilder.Entity<Visit>(visit =>
        {
            visit.ToTable("visits");
            visit.HasKey(v => v.Id);
            visit.HasIndex(v => v.ApplicationId).IsUnique();
            visit.HasIndex(v => new { v.PrisonId, v.Date });
            visit.HasIndex(v => new { v.VenueId, v.Date });
            visit.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
            visit.Property(v => v.Version).IsRowVersion();
        });
    }
}

internal sealed class DesignTimeDbContextFactory : DesignTimeFactory<SchedulingDbContext>;
