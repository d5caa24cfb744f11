using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Visitation.Identity.Data;

/// <summary>Accounts (ASP.NET Core Identity) and OpenIddict's clients, authorizations and tokens, in the service's own database.</summary>
public sealed partial class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<StaffUser>(options)
{
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
