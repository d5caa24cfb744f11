using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Visitation.Messaging;

/// <summary>The database's, the broker's and the outbox's traces and metrics, added to the host's OpenTelemetry.</summary>
internal static class MessagingTelemetry
{
    public const string MigrationsSource = "Visitation.Migrations";

    public static IServiceCollection AddDatabaseTelemetry(this IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddNpgsql()
            .AddSource(OutboxMetrics.MeterName, MigrationsSource, Tracing.ApplicationTrace.SourceName));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter("Npgsql")
            .AddMeter(OutboxMetrics.MeterName));
        return services;
    }

    public static IServiceCollection AddBrokerTelemetry(this IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(DiagnosticHeaders.DefaultListenerName));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(InstrumentationOptions.MeterName));
        return services;
    }
}
