using Microsoft.EntityFrameworkCore;
using Visitation.Protection.EntityFramework;

namespace Visitation.Protection.Tests.EntityFramework;

/// <summary>A person as a service would hold one: an ID number (with its blind index) and a phone, and owned contacts with phones.</summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string IdNumber { get; set; } = string.Empty;
    public string Phone { get; set; } = string.Empty;
    public List<Contact> Contacts { get; set; } = [];
}

public sealed class Contact
{
    public int Ordinal { get; set; }
    public string Phone { get; set; } = string.Empty;
}

public sealed class PeopleContext(DbContextOptions<PeopleContext> options) : DbContext(options)
{
    public const string IdNumberPurpose = "id-number";

    public DbSet<Person> People => Set<Person>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Person>(person =>
        {
            person.ToTable("people");
            person.HasKey(p => p.Id);
            person.ProtectField(p => p.IdNumber, IdNumberPurpose);
            person.ProtectField(p => p.Phone);
            person.OwnsMany(p => p.Contacts, contact =>
            {
                contact.ToTable("contacts");
                contact.WithOwner().HasForeignKey("PersonId");
                contact.HasKey("PersonId", nameof(Contact.Ordinal));
                contact.Property(c => c.Ordinal).ValueGeneratedNever();
                contact.ProtectField(c => c.Phone);
            });
        });
    }
}
