using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Grpc.AspNetCore.Server;
using Visitation.Messaging.Audit;

namespace Visitation.Messaging.Database;

public static class DatabaseExtensions
{
    public const string ConnectionName = "Database";

    /// <summary>
    /// The service's own PostgreSQL database: the DbContext, migrations at start-up, a health
    /// check, its telemetry, gRPC replies for a database that is away or a lost race, and the outbox
    /// dispatcher that publishes what the context's transactions committed.
    /// Call before <c>AddServiceMessaging</c> so migrations run before the bus starts.
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase<TContext>(this WebApplicationBuilder builder)
        where TContext : ServiceDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured.");
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditCommitInterceptor>();
        // The audit's commit work first: its lock is always taken before the outbox's commit lock.
        // Pooled contexts, their options built once: a context built per scope (its options, then
        // EF Core's services for it) was 7-9 % of a service's CPU under load (perf,
        // docs/performance.md), the same work again for every call and message. Everything the
        // options hold is a singleton; a ConfigureDbContext that adds to them must be registered as a
        // singleton too (ProtectionRegistration). What a context keeps beyond EF Core's own state is
        // dropped when it goes back (ServiceDbContext.Dispose).
        builder.Services.AddDbContextPool<TContext>(
            (services, options) => options
                .UseServicePostgres(connectionString)
                .AddInterceptors(services.GetRequiredService<AuditCommitInterceptor>(), services.GetRequiredService<OutboxCommitInterceptor>()));
        // The shared messaging filters (delayed redelivery) reach the service's context through its base type.
        builder.Services.AddScoped<ServiceDbContext>(services => services.GetRequiredService<TContext>());
        builder.Services.AddMigrationsAtStart<TContext>();
        builder.Services.AddDatabaseTelemetry();
        builder.Services.Configure<GrpcServiceOptions>(grpc =>
        {
            grpc.Interceptors.Add<Tracing.ApplicationTraceInterceptor>();
            grpc.Interceptors.Add<DatabaseFaultInterceptor>();
        });
        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        return builder;
    }

    /// <summary>
    /// Migrations at start-up and the readiness checks of a database (reachable, migrations applied), for a context that is not a
    /// <see cref="ServiceDbContext"/> (the identity service's, which derives from Identity's own base).
    /// </summary>
    public static IServiceCollection AddMigrationsAtStart<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddSingleton<MigrationsApplied<TContext>>();
        services.AddHostedService<MigrationHostedService<TContext>>();
        services.AddHealthChecks()
            .AddDbContextCheck<TContext>("database", tags: ["ready"])
            .AddCheck<MigrationsApplied<TContext>>("migrations", tags: ["ready"]);
        return services;
    }
}
