using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Clock;
using Visitation.ServiceDefaults.Grpc.Hygiene;
using Visitation.ServiceDefaults.Telemetry;

namespace Visitation.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Telemetry, JWT auth, gRPC with health (and reflection in Development), the clock (real, or a
    /// training clock: see <see cref="TrainingClockOptions"/>).
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.AddVisitationTelemetry(serviceName);
        builder.AddVisitationAuth();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.EnableDetailedErrors = builder.Environment.IsDevelopment();
            // Every call of every service is authorised here, by the policy table, before its handler runs.
            grpc.Interceptors.Add<AccessInterceptor>();
            // Then every request passes the one input rule set (docs/input-hygiene.md) before its handler.
            grpc.Interceptors.Add<InputHygieneInterceptor>();
        });
        // Reflection lists every call and message to anyone who can connect: a map for an attacker,
        // so only a developer's machine offers it (等保: minimal services exposed).
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddGrpcReflection();
        }

        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        builder.AddVisitationClock();
        return builder;
    }

    /// <summary>
    /// Only the telemetry of the service defaults, personal-data safety net included
    /// (docs/telemetry-privacy.md), for a host that brings its own authentication and gRPC set-up
    /// (the identity service). Call it after every other logging registration: it wraps the log
    /// providers registered so far.
    /// </summary>
    public static WebApplicationBuilder AddServiceTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        builder.AddVisitationTelemetry(serviceName);
        return builder;
    }

    /// <summary>
    /// <c>/health</c> (ready) and <c>/alive</c> (live) answer only Healthy/Unhealthy, never which
    /// dependency failed; gRPC health; reflection in Development only.
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapGrpcHealthChecksService();
        if (app.Environment.IsDevelopment())
        {
            app.MapGrpcReflectionService();
        }

        return app;
    }

    /// <summary>Maps a gRPC API that only authenticated callers may use.</summary>
    public static WebApplication MapSecuredGrpcService<TService>(this WebApplication app) where TService : class
    {
        app.MapGrpcService<TService>().RequireAuthorization();
        return app;
    }
}
