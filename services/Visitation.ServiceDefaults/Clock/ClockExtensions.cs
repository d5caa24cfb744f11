using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Visitation.ServiceDefaults.Clock;

public static class ClockExtensions
{
    public const string RefusedInProduction =
        "TrainingClock:Now shifts the services' clock for a training or demonstration environment; it is refused in Production.";

    /// <summary>The <see cref="TimeProvider"/> every service reads: the real clock, or a <see cref="TrainingClock"/> if one is set.</summary>
    public static void AddVisitationClock(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrainingClockOptions>()
            .Bind(builder.Configuration.GetSection(TrainingClockOptions.Section))
            // A shifted clock in production would date decisions, deadlines and SMS wrongly.
            .Validate<IHostEnvironment>((options, environment) => options.Now is null || !environment.IsProduction(), RefusedInProduction)
            .ValidateOnStart();
        builder.Services.AddSingleton(services => Build(services.GetRequiredService<IOptions<TrainingClockOptions>>().Value));
    }

    private static TimeProvider Build(TrainingClockOptions options) =>
        options.Now is { } now
            ? new TrainingClock(now, options.SetAt ?? TimeProvider.System.GetUtcNow(), TimeProvider.System)
            : TimeProvider.System;
}
