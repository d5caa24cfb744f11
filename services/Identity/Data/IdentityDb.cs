using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Visitation.Identity.Accounts;
using Visitation.Messaging.Audit;
using Visitation.Workflow.Audit;

namespace Visitation.Identity.Data;

/// <summary>
/// Accounts (ASP.NET Core Identity) and OpenIddict's clients, authorizations and tokens, in the service's
/// own database, with the same append-only audit as the chain services (docs/audit.md): rows recorded
/// with <see cref="Audit"/> commit with the save that follows, or not at all.
/// </summary>
public sealed partial class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<StaffUser>(options), IAuditedContext, IDataProtectionKeyContext
{
    /// <summary>The ASP.NET Core Data Protection key ring (sign-in cookie, antiforgery), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    public AuditBuffer PendingAudit { get; } = new();

    /// <summary>Whether a save of this context (one request's) locked an account out, and so wrote its row.</summary>
    public bool LockedOutInThisScope { get; private set; }

    /// <inheritdoc />
    public void Audit(AuditEntry entry) => PendingAudit.Add(this, entry);

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditLockouts();
        return PendingAudit.SaveAsync(this, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditLockouts();
        return PendingAudit.Save(this, () => base.SaveChanges(acceptAllChangesOnSuccess));
    }

    /// <summary>
    /// A lockout is set deep inside Identity's sign-in (the failure that reaches the limit), so it is
    /// recognised here, in the save that writes it: a lockout end moved later than it was is a lockout,
    /// and its row commits with it. The account is the actor: its own failures locked it.
    /// </summary>
    private void AuditLockouts()
    {
        foreach (var entry in ChangeTracker.Entries<StaffUser>().Where(e => e.State == EntityState.Modified))
        {
            var lockout = entry.Property(u => u.LockoutEnd);
            if (lockout.CurrentValue is { } end && (lockout.OriginalValue is not { } before || end > before))
            {
                LockedOutInThisScope = true;
                this.Audit(entry.Entity.AsAuditActor(), AuditEvent.AccountLockedOut, entry.Entity.Audited(), outcome: "locked_out");
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.Entity<StaffUser>(user =>
        {
            user.Property(u => u.Role).HasMaxLength(40);
            user.Property(u => u.OrganisationId).HasMaxLength(100);
        });

        // Identity and OpenIddict name their tables explicitly (AspNetUsers, OpenIddictTokens), which the
        // snake_case convention leaves alone: rename them so psql and raw SQL read one style everywhere.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            entity.SetTableName(SnakeCase(entity.GetTableName()!));
        }
    }

    private static string SnakeCase(string name) =>
        UpperAfterLower().Replace(name.Replace("OpenIddict", "Openiddict", StringComparison.Ordinal).Replace("AspNet", "Aspnet", StringComparison.Ordinal), "$1_$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex UpperAfterLower();
}
