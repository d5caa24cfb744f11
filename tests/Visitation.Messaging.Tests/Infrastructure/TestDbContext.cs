using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Database;

namespace Visitation.Messaging.Tests.Infrastructure;

/// <summary>A service's database as the library sees it: the outbox, inbox and timer tables, and one state table.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Tally> Tallies => Set<Tally>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Tally>(tally =>
        {
            tally.ToTable("tallies");
            tally.HasKey(t => t.Name);
        });
    }
}

/// <summary>State a consumer changes: a duplicate delivery that got through would count twice.</summary>
public sealed class Tally
{
    public string Name { get; set; } = string.Empty;
    public int Count { get; set; }
}
