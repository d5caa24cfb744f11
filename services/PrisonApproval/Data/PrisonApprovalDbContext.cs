using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Messaging.Database;
using Visitation.Protection.EntityFramework;
using Visitation.Workflow.Withdrawals;

namespace Visitation.PrisonApproval.Data;

public sealed class PrisonApprovalDbContext(DbContextOptions<PrisonApprovalDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Inmate> Inmates => Set<Inmate>();
    public DbSet<Approval> Approvals => Set<Approval>();
    public DbSet<InmateStatus> InmateStatuses => Set<InmateStatus>();
    public DbSet<Relative> Relatives => Set<Relative>();
    public DbSet<BarredVisitor> BarredVisitors => Set<BarredVisitor>();
    public DbSet<QuotaEntry> QuotaEntries => Set<QuotaEntry>();
    public DbSet<SpecialApprovalRecord> SpecialApprovals => Set<SpecialApprovalRecord>();

    /// <summary>The bars of a prison whose person has one of these visitor keys (the bars' blind index).</summary>
    public IQueryable<BarredVisitor> BarsOf(string prisonId, IReadOnlyCollection<string> visitorKeys) =>
        BarredVisitors.Where(b => b.PrisonId == prisonId && visitorKeys.Contains(EF.Property<string>(b, VisitorKeyOfBar)));

    /// <summary>The shadow property holding a bar's visitor key.</summary>
    public static readonly string VisitorKeyOfBar = ProtectedFieldMapping.IndexPropertyName(nameof(BarredVisitor.IdNumber));

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
            inmate.Property(i => i.Custody).HasConversion<string>().HasMaxLength(20);
            inmate.HasMany(i => i.Statuses).WithOne().HasForeignKey(s => s.InmateId);
        });
        modelBuilder.Entity<InmateStatus>(status =>
        {
            status.ToTable("inmate_statuses");
            status.HasKey(s => s.Id);
            // Ids are made by us (v7 Guids): a status added to an inmate's collection is new, not an update.
            status.Property(s => s.Id).ValueGeneratedNever();
            status.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);
            // Free text about a person (why the inmate is confined, investigated...): encrypted at
            // rest, no index (nothing looks a reason up). docs/encryption-at-rest.md.
            status.ProtectField(s => s.Reason);
            // A terminated visit is penalised once, however often its event is delivered.
            status.HasIndex(s => s.VisitId).IsUnique().HasFilter("visit_id IS NOT NULL");
        });
        modelBuilder.Entity<Relative>(relative =>
        {
            relative.ToTable("relatives");
            relative.HasKey(r => r.Id);
            relative.Property(r => r.VisitorKey).HasMaxLength(64);
            relative.Property(r => r.IdNumberMasked).HasMaxLength(18);
            relative.HasIndex(r => new { r.InmateId, r.VisitorKey }).IsUnique();
        });
        modelBuilder.Entity<BarredVisitor>(bar =>
        {
            bar.ToTable("barred_visitors");
            bar.HasKey(b => b.Id);
            // Encrypted at rest, the bar as associated data; its blind index is the visitor key, so
            // an application's visitor is matched without the full number (docs/data-minimisation.md).
            bar.ProtectField(b => b.IdNumber, VisitorDetails.KeyPurpose);
            bar.ProtectField(b => b.Reason);
            bar.HasIndex(b => b.PrisonId);
        });
        modelBuilder.Entity<QuotaEntry>(entry =>
        {
            entry.ToTable("quota_entries");
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => new { e.InmateId, e.Month });
            entry.HasIndex(e => e.ApplicationId).IsUnique().HasFilter("application_id IS NOT NULL");
            entry.HasIndex(e => new { e.InmateId, e.RequestId }).IsUnique().HasFilter("request_id IS NOT NULL");
            entry.Property(e => e.RequestHash).HasMaxLength(64);
            // An officer's note on an on-site visit, or why a visit was terminated or cancelled: free
            // text about people, encrypted like the reasons (stored empty when there is none).
            entry.ProtectField(e => e.Note);
            entry.ProtectField(e => e.OverrideReason);
        });
        modelBuilder.Entity<SpecialApprovalRecord>(approval =>
        {
            approval.ToTable("special_approvals");
            approval.HasKey(a => a.Id);
            approval.HasIndex(a => new { a.InmateId, a.Month });
            approval.ProtectField(a => a.Reason);
        });
        modelBuilder.Entity<Approval>(approval =>
        {
            approval.ToTable("approvals");
            approval.HasKey(a => a.ApplicationId);
            approval.Property(a => a.Application).HasJsonColumn();
            approval.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            approval.Property(a => a.Version).IsRowVersion();
            approval.Property(a => a.Failures).HasJsonColumn();
            approval.Property(a => a.RemovedVisitors).HasJsonColumn();
            approval.HasIndex(a => new { a.PrisonId, a.Status, a.ReceivedAt });
            approval.HasIndex(a => new { a.PrisonId, a.InmateName, a.Status });
        });
    }
}

internal sealed class DesignTimeDbContextFactory : DesignTimeFactory<PrisonApprovalDbContext>;
