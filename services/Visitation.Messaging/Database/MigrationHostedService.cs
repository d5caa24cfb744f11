using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Visitation.Messaging.Database;

/// <summary>
/// Applies the service's migrations before anything else starts: registered ahead of the bus,
/// so no consumer runs against a schema that is not there yet.
/// </summary>
internal sealed partial class MigrationHostedService<TContext>(IServiceProvider services, MigrationsApplied<TContext> applied, ILogger<MigrationHostedService<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    private static readonly ActivitySource Source = new(MessagingTelemetry.MigrationsSource);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity($"Migrate {typeof(TContext).Name}");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var attempt = 0;
        while (true)
        {
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
                LogMigrated(logger, typeof(TContext).Name);
                applied.MarkApplied();
                return;
            }
            catch (Npgsql.NpgsqlException ex) when (++attempt < 30 && ex.IsTransient)
            {
                // The database may still be starting next to us; wait rather than die.
                LogWaiting(logger, typeof(TContext).Name, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1001, LogLevel.Information, "Database of {Context} is migrated")]
    private static partial void LogMigrated(ILogger logger, string context);

    [LoggerMessage(1002, LogLevel.Warning, "Database of {Context} not reachable yet (attempt {Attempt}): {Error}")]
    private static partial void LogWaiting(ILogger logger, string context, int attempt, string error);
}
