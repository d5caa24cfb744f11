using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Visitation.Messaging;

namespace Visitation.Workflow.Retention;

public static class RetentionRegistration
{
    /// <summary>
    /// The service's retention job, run every <c>Retention:Interval</c> (or
    /// <c>PeriodicWork:{TWork}:Interval</c>, which wins when set) with the period <c>Retention:AnonymiseAfter</c>.
    /// </summary>
    public static IHostApplicationBuilder AddRetention<TWork>(this IHostApplicationBuilder builder) where TWork : class, IPeriodicWork
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RetentionOptions>()
            .Bind(builder.Configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Before AddPeriodicWork's own binding, so that a PeriodicWork setting still overrides it.
        builder.Services.AddOptions<PeriodicWorkOptions>(typeof(TWork).Name)
            .Configure<IOptions<RetentionOptions>>((work, retention) => work.Interval = retention.Value.Interval);
        return builder.AddPeriodicWork<TWork>();
    }
}
