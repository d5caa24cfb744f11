using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Visitation.Messaging.Database;

namespace Visitation.Messaging.Audit;

public static class AuditRelayRegistration
{
    /// <summary>
    /// Relays the service's audit rows (its database's <c>audit_log</c>) over the service's bus (which
    /// <see cref="MessagingExtensions.AddServiceMessaging"/> sets up), each as the event
    /// <typeparamref name="TEvents"/> makes. The database's migrations must include <see cref="AuditRelaySchema.Create"/>.
    /// </summary>
    public static WebApplicationBuilder AddAuditRelay<TEvents>(this WebApplicationBuilder builder, string serviceName)
        where TEvents : class, IAuditEventFactory
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(DatabaseExtensions.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{DatabaseExtensions.ConnectionName} is not configured.");
        builder.Services.AddOptions<AuditRelayOptions>().Bind(builder.Configuration.GetSection(AuditRelayOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IAuditEventFactory, TEvents>();
        builder.Services.AddSingleton(services => new AuditRelay(
            serviceName, DatabaseOptionsExtensions.Pooled(connectionString), services.GetRequiredService<IAuditEventFactory>(), services, services.GetRequiredService<IOptions<AuditRelayOptions>>(), services.GetRequiredService<ILogger<AuditRelay>>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<AuditRelay>());
        return builder;
    }
}
