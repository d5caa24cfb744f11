using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Database;

namespace Visitation.Messaging.Tests.Infrastructure;

/// <summary>A service's database as the library sees it: the outbox, inbox and timer tables, and one state table.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Tally> Tallies => Set<Tally>();

    public DbSet<VersionedNote> VersionedNotes => Set<VersionedNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Tally>(tally =>
        {
            tally.ToTable("tallies");
            tally.HasKey(t => t.Name);
        });
        modelBuilder.Entity<VersionedNote>(note =>
        {
            note.ToTable("versioned_notes");
            note.HasKey(n => n.Id);
            note.Property(n => n.Version).IsRowVersion();
        });
    }
}

/// <summary>State a consumer changes: a duplicate delivery that got through would count twice.</summary>
public sealed class Tally
{
    public string Name { get; set; } = string.Empty;
    public int Count { get; set; }
}

/// <summary>A row guarded by PostgreSQL's row version, as the services' applications and visits are: a save over a stale read fails.</summary>
public sealed class VersionedNote
{
    public int Id { get; set; }
    public string Text { get; set; } = string.Empty;
    public uint Version { get; set; }
}
