using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Visitation.ServiceDefaults.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>
    /// Traces and metrics of the host itself (HTTP, gRPC, runtime). Libraries add their own sources
    /// with <c>ConfigureOpenTelemetryTracerProvider</c>, so this one needs to know none of them. Logs and
    /// spans pass the personal-data safety net (<see cref="PersonalDataRedaction"/>) on their way out.
    /// </summary>
    public static void AddVisitationTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                // First, so that every exporter added after it sees spans already redacted.
                .AddProcessor(new RedactingSpanProcessor())
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource("Grpc.Net.Client"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // Every meter of ours (the chain's, the outbox's, the safety net's): one wildcard, so this
                // layer names none of the domain's (docs/monitoring.md).
                .AddMeter(PersonalDataRedaction.MeterName, "Visitation.*"));

        // Export only where a collector is configured: no endpoint, no traffic.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        // Last, so that it wraps every logger provider registered so far (console, OpenTelemetry's).
        RedactingLoggerProvider.WrapAll(builder.Services);
    }

    private static bool IsProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");
}
