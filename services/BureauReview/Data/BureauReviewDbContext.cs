using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Database;
using Visitation.Workflow.Withdrawals;

namespace Visitation.BureauReview.Data;

public sealed class BureauReviewDbContext(DbContextOptions<BureauReviewDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Review> Reviews => Set<Review>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.MapApplicationTombstones();
        modelBuilder.Entity<Review>(task =>
        {
            task.ToTable("reviews");
            task.HasKey(t => t.ApplicationId);
            task.Property(t => t.Application).HasJsonColumn();
            task.Property(t => t.RemovedVisitors).HasJsonColumn();
            task.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            task.Property(t => t.Version).IsRowVersion();
            task.HasIndex(t => new { t.CountyId, t.Status, t.ReceivedAt });
        });
    }
}

internal sealed class DesignTimeDbContextFactory : DesignTimeFactory<BureauReviewDbContext>;
