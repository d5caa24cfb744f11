using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Visitation.Messaging.FaultInjection;

namespace Visitation.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "RabbitMq";

    /// <summary>
    /// MassTransit on RabbitMQ: kebab-case queues prefixed with the service's name, durable quorum
    /// queues, exponential retry for transient faults, then the <c>_error</c> queue.
    /// </summary>
    public static WebApplicationBuilder AddServiceMessaging(this WebApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator> addConsumers)
    {
        var broker = BrokerAddress.Parse(builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured."));
        builder.Services.AddOptions<MessagingOptions>().Bind(builder.Configuration.GetSection(MessagingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddBrokerTelemetry();
        builder.Services.AddCrashPoints(builder.Configuration);
        // A channel the broker keeps nacking on is replaced, not used again (RabbitMQ 3.10; see the class).
        builder.Services.AddSingleton<NackedPublishWatch>();
        builder.Services.AddPublishObserver(services => services.GetRequiredService<NackedPublishWatch>());
        builder.Services.AddSendObserver(services => services.GetRequiredService<NackedPublishWatch>());
        builder.Services.AddMassTransit(bus =>
        {
            // A prison system phones nowhere.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            addConsumers(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                // The validated options: an invalid setting stops the service here rather than misbehaving.
                var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                endpoint.PrefetchCount = options.PrefetchCount;
                endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                if (options.QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }

                // A message that exhausts its retries is kept in the endpoint's _error queue, which is what
                // operators look at (deploy/error-queue.sh). MassTransit would also publish a Fault<T> event
                // to a "MassTransit:Fault--…" exchange that no service consumes, and that a service's broker
                // user may not publish to: it may publish its own events only (docs/local-credentials.md).
                endpoint.PublishFaults = false;

                // Outermost: after all immediate retries, come back later (PostgreSQL-backed), then _error.
                endpoint.UseConsumeFilter(typeof(DelayedRedeliveryFilter<>), context);

                // Then: a server that is away (database restarting) is waited for patiently,
                // minutes in all, while the message stays unacknowledged in its queue.
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Handle<Exception>(TransientFaults.IsTransient);
                    retry.Exponential(options.TransientRetryLimit, TimeSpan.FromMilliseconds(500), options.TransientRetryMaxInterval, TimeSpan.FromSeconds(1));
                });

                // Inner: any other fault gets a few quick retries, then the _error queue.
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Ignore<Exception>(TransientFaults.IsTransient);
                    // Bad data never gets better by waiting.
                    retry.Ignore<ArgumentException>();
                    retry.Exponential(options.RetryLimit, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300));
                });

                // Innermost, and only in fault tests: die between the consumer's commit and the ack.
                endpoint.UseCrashPoints(context);
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var first = broker.Nodes[0];
                rabbit.Host(first.Host, (ushort)first.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    host.PublisherConfirmation = true;
                    if (broker.Nodes.Count > 1)
                    {
                        // A cluster: each new connection goes to the next node in turn, so one that
                        // died is left for the next (a failed publish or consume reconnects).
                        host.UseCluster(cluster =>
                        {
                            foreach (var node in broker.Nodes)
                            {
                                cluster.Node(node.ToString());
                            }
                        });
                    }
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
