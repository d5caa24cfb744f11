using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Database;
using Visitation.Protection.EntityFramework;

namespace Visitation.Application.Data;

public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : ServiceDbContext(options)
{
    public DbSet<VisitApplication> Applications => Set<VisitApplication>();
    public DbSet<TimelineRecord> Timeline => Set<TimelineRecord>();
    public DbSet<FamilyNotReached> FamiliesNotReached => Set<FamilyNotReached>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<VisitApplication>(application =>
        {
            application.ToTable("applications");
            application.HasKey(a => a.Id);
            // A clerk's retry of the same submission finds the first one instead of filing twice.
            application.HasIndex(a => new { a.OfficeId, a.RequestId }).IsUnique();
            application.Property(a => a.RequestHash).HasMaxLength(64);
            application.HasIndex(a => new { a.OfficeId, a.SubmittedAt });
            application.Property(a => a.Status).HasConversion<string>().HasMaxLength(40);
            application.Property(a => a.Version).IsRowVersion();
            // Defaults keep the rows filed before preferences existed valid: they had none.
            application.Property(a => a.PreferredDates).HasDefaultValueSql("'{}'::date[]");
            application.Property(a => a.PreferredPartOfDay).HasMaxLength(20).HasDefaultValue(string.Empty);
            application.OwnsMany(a => a.Visitors, visitor =>
            {
                visitor.ToTable("application_visitors");
                visitor.WithOwner().HasForeignKey("ApplicationId");
                visitor.HasKey("ApplicationId", nameof(ApplicationVisitor.Ordinal));
                visitor.Property(v => v.Ordinal).ValueGeneratedNever();
                // Encrypted at rest, the row (application, ordinal) as associated data (docs/encryption-at-rest.md).
                visitor.ProtectField(v => v.IdNumber);
                visitor.ProtectField(v => v.Phone);
            });
            // The last send-back: columns of the application (send_back_…), all null when never sent back.
            application.OwnsOne(a => a.SendBack, sendBack =>
            {
                sendBack.Property(b => b.Stage).HasMaxLength(20);
                sendBack.Property(b => b.ResubmitRequestId).HasMaxLength(100);
            });
            application.HasMany(a => a.Timeline).WithOne().HasForeignKey(t => t.ApplicationId);
        });
        modelBuilder.Entity<TimelineRecord>(timeline =>
        {
            timeline.ToTable("timeline");
            timeline.HasKey(t => t.Id);
            timeline.HasIndex(t => new { t.ApplicationId, t.At });
        });
        modelBuilder.Entity<FamilyNotReached>(entry =>
        {
            entry.ToTable("families_not_reached");
            entry.HasKey(e => e.Id);
            entry.HasOne<VisitApplication>().WithMany().HasForeignKey(e => e.ApplicationId);
            // One entry per application and SMS, whatever message reported it (a redelivery, a second report).
            entry.HasIndex(e => new { e.ApplicationId, e.SmsId }).IsUnique();
            entry.HasIndex(e => new { e.OfficeId, e.ClosedAt });
            entry.Property(e => e.OfficeId).HasMaxLength(64);
            entry.Property(e => e.SmsKind).HasMaxLength(40);
            entry.Property(e => e.PhoneMasked).HasMaxLength(20);
            entry.Property(e => e.Reason).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.ProviderCode).HasMaxLength(64);
            entry.Property(e => e.ClosedBy).HasMaxLength(64);
            entry.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.Note).HasMaxLength(FamilyNotReached.NoteLength);
            entry.Property(e => e.Version).IsRowVersion();
        });
    }
}
