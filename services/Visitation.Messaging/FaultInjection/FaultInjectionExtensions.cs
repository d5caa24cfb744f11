using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Visitation.Messaging.FaultInjection;

internal static class FaultInjectionExtensions
{
    /// <summary>The crash points, bound to <c>FaultInjection:*</c>; any of them set stops a service outside Testing.</summary>
    public static void AddCrashPoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FaultInjectionOptions>()
            .Bind(configuration.GetSection(FaultInjectionOptions.Section))
            .ValidateDataAnnotations()
            .Validate<IHostEnvironment>(
                (options, environment) => !options.IsEnabled || environment.IsEnvironment(FaultInjectionOptions.Environment),
                "FaultInjection:* makes the process kill itself on purpose; it is refused outside the Testing environment.")
            .ValidateOnStart();
        services.TryAddSingleton<CrashPoints>();
    }

    /// <summary>The dispatcher's transport, with the publish crash point when one is set.</summary>
    public static IOutboxTransport WithCrashPoints(this IOutboxTransport transport, IServiceProvider services) =>
        services.GetService<CrashPoints>() is { IsEnabled: true } crashPoints ? new KillAfterConfirmTransport(transport, crashPoints) : transport;

    /// <summary>The consume crash point on an endpoint, innermost (call it after every other filter), when one is set.</summary>
    public static void UseCrashPoints(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        if (context.GetRequiredService<IOptions<FaultInjectionOptions>>().Value.KillAfterConsumeCommits > 0)
        {
            endpoint.UseConsumeFilter(typeof(KillAfterCommitFilter<>), context);
        }
    }
}
