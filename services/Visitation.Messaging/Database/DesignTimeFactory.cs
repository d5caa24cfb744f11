using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Visitation.Messaging.Database;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's model without starting the service:
/// each service derives one line from it. No database is contacted.
/// </summary>
public abstract class DesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseServicePostgres("Host=localhost;Database=design_time");
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}
