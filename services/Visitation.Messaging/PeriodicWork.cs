using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Visitation.Messaging;

/// <summary>A job a service runs every so often in a fresh scope (e.g. expiring overdue reviews).</summary>
public interface IPeriodicWork
{
    Task RunAsync(CancellationToken cancellationToken);
}

public sealed class PeriodicWorkOptions
{
    [PositiveDuration]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Runs <typeparamref name="TWork"/> on a timer. A failing run (the database away, a race lost to
/// another instance) is logged and simply tried again at the next tick: the work is written to be
/// repeatable, so nothing is lost by skipping a turn.
/// </summary>
public sealed partial class PeriodicWorkService<TWork>(IServiceScopeFactory scopes, IOptionsMonitor<PeriodicWorkOptions> options, TimeProvider clock, ILogger<PeriodicWorkService<TWork>> logger)
    : BackgroundService
    where TWork : class, IPeriodicWork
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Get(typeof(TWork).Name).Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TWork>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(ex, typeof(TWork).Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed; trying again at the next tick")]
    private partial void LogRunFailed(Exception exception, string work);
}

public static class PeriodicWorkExtensions
{
    /// <summary>Registers the work and its timer; the interval comes from <c>PeriodicWork:{TypeName}:Interval</c>.</summary>
    public static IHostApplicationBuilder AddPeriodicWork<TWork>(this IHostApplicationBuilder builder) where TWork : class, IPeriodicWork
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<TWork>();
        builder.Services.AddOptions<PeriodicWorkOptions>(typeof(TWork).Name)
            .Bind(builder.Configuration.GetSection($"PeriodicWork:{typeof(TWork).Name}"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<PeriodicWorkService<TWork>>();
        return builder;
    }
}
