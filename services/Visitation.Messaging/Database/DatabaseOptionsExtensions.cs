using Microsoft.EntityFrameworkCore;

namespace Visitation.Messaging.Database;

public static class DatabaseOptionsExtensions
{
    /// <summary>
    /// PostgreSQL with one naming rule for every table, column, key and index: snake_case, so the
    /// raw SQL a service writes (locks, skip-locked batches) and psql sessions use the same names EF
    /// does, without quoting. The running service, <c>dotnet ef</c> and the tests all come through here.
    /// </summary>
    public static DbContextOptionsBuilder UseServicePostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();
}
