using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Visitation.Messaging;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// How an in-process service host starts its MassTransit bus in the tests.
/// </summary>
/// <remarks>
/// A service starts its bus in the background (a service must start while the broker is away; its
/// outbox keeps the events). A test host that is disposed moments after it started — a test that
/// submits one application through a host of its own — then asks MassTransit to stop a bus that is
/// still starting; MassTransit answers "Failed to stop bus … (Not Started)", and the bus goes on to
/// start its consumers on the disposed host. Those consumers share the run's queues with the real
/// instances and fail every message they take (ObjectDisposedException → _error) for the rest of the
/// run. So a test host on the run's broker counts as started only once its bus has started.
/// </remarks>
public static class BusStartup
{
    /// <summary>A broker address nothing listens on: for hosts that must never reach the run's broker.</summary>
    public const string UnreachableBroker = "amqp://guest:guest@127.0.0.1:1/";

    private static readonly string BrokerSetting = $"ConnectionStrings:{MessagingExtensions.ConnectionName}";

    /// <summary>Makes the host's start wait for its bus, unless its broker is <see cref="UnreachableBroker"/> (whose bus never starts).</summary>
    public static void WaitForTheBusOnStart(this IServiceCollection services, IReadOnlyDictionary<string, string> settings)
    {
        if (settings.TryGetValue(BrokerSetting, out var broker) && broker == UnreachableBroker)
        {
            return;
        }

        services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
    }
}
