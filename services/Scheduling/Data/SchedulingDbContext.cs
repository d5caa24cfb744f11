using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Database;
using Visitation.Workflow.Withdrawals;

namespace Visitation.Scheduling.Data;

public sealed class SchedulingDbContext(DbContextOptions<SchedulingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<VisitInterruption> Interruptions => Set<VisitInterruption>();
    public DbSet<Closure> Closures => Set<Closure>();
    public DbSet<CancellationRequest> CancellationRequests => Set<CancellationRequest>();
    public DbSet<InmateArea> InmateAreas => Set<InmateArea>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.MapApplicationTombstones();
        modelBuilder.Entity<Visit>(visit =>
        {
            visit.ToTable("visits");
            visit.HasKey(v => v.Id);
            // One open visit per application; cancelled and expired ones stay beside their replacement.
            visit.HasIndex(v => v.ApplicationId).IsUnique().HasFilter("status IN ('Proposed', 'Scheduled', 'CheckedIn')");
            visit.HasIndex(v => new { v.PrisonId, v.Date });
            visit.HasIndex(v => new { v.VenueId, v.Date });
            visit.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
            visit.Property(v => v.Version).IsRowVersion();
            visit.Property(v => v.OutcomeReasonCode).HasMaxLength(60);
            visit.Property(v => v.Severity).HasMaxLength(20);
            // Defaults keep visits proposed before preferences existed valid: they had none.
            visit.Property(v => v.PreferredDates).HasDefaultValueSql("'{}'::date[]");
            visit.Property(v => v.PreferredPartOfDay).HasMaxLength(20).HasDefaultValue(string.Empty);
            // The booked visitors as one JSON document: read and written with their visit only.
            visit.OwnsMany(v => v.Visitors, visitors => visitors.ToJson("visitors"));
        });
        modelBuilder.Entity<VisitInterruption>(interruption =>
        {
            interruption.ToTable("visit_interruptions");
            interruption.HasKey(i => i.Id);
            interruption.HasIndex(i => i.VisitId);
            interruption.Property(i => i.Cause).HasMaxLength(20);
        });
        modelBuilder.Entity<Closure>(closure =>
        {
            closure.ToTable("closures");
            closure.HasKey(c => c.Id);
            closure.HasIndex(c => new { c.PrisonId, c.Date });
            closure.HasIndex(c => new { c.VenueId, c.Date });
            closure.Property(c => c.Cause).HasMaxLength(20);
        });
        modelBuilder.Entity<CancellationRequest>(request =>
        {
            request.ToTable("cancellation_requests");
            request.HasKey(r => r.Id);
            request.HasIndex(r => r.ApplicationId);
            request.Property(r => r.ReasonCode).HasMaxLength(60);
        });
        modelBuilder.Entity<InmateArea>(area =>
        {
            area.ToTable("inmate_areas");
            area.HasKey(a => new { a.PrisonId, a.InmateNumber });
            area.Property(a => a.Area).HasMaxLength(20);
        });
    }
}

internal sealed class DesignTimeDbContextFactory : DesignTimeFactory<SchedulingDbContext>;
