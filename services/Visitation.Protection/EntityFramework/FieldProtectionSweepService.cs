using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Visitation.Protection.Keys;

namespace Visitation.Protection.EntityFramework;

/// <summary>
/// Runs the sweep in the background: once the service has started (after its migrations: this is
/// registered after them), then every <see cref="ProtectionOptions.SweepInterval"/>. This is both the
/// migration of rows written in clear before encryption and the second half of a key rotation:
/// after a new key version is made current, the service's next start moves every row onto it.
/// </summary>
internal sealed partial class FieldProtectionSweepService<TContext>(
    IServiceScopeFactory scopes, FieldProtectionSweep sweep, IOptions<ProtectionOptions> options, TimeProvider clock, ILogger<FieldProtectionSweepService<TContext>> logger)
    : BackgroundService where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var rewritten = await sweep.RunToEndAsync(scope.ServiceProvider.GetRequiredService<TContext>(), options.Value.SweepBatchSize, stoppingToken);
                if (rewritten > 0)
                {
                    LogSwept(typeof(TContext).Name, rewritten);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database away, or a row nobody can open: try again at the next tick; readers are unaffected.
                LogSweepFailed(ex, typeof(TContext).Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Field protection sweep of {Context}: {Rows} rows sealed with the current key")]
    private partial void LogSwept(string context, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Field protection sweep of {Context} failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception, string context);
}
