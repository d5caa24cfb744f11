using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Notification;
using Visitation.ServiceDefaults;
using Visitation.ServiceDefaults.Rest;

namespace Visitation.IntegrationTests.Security;

/// <summary>The notification service as its Program builds it, on servers it never reaches: for tests of start-up settings.</summary>
internal static class NotificationAsBuilt
{
    /// <summary>An identity service address that is never contacted: a start-up test sends no token.</summary>
    public const string Authority = "https://identity.invalid/";

    public static WebApplication Build(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["ConnectionStrings:Database"] = "Host=127.0.0.1;Port=1;Database=never_reached",
            ["ConnectionStrings:RabbitMq"] = BusStartup.UnreachableBroker,
            ["Auth:Audience"] = "visitation-notification",
        });
        builder.Configuration.AddInMemoryCollection(TestProtectionKeys.Settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddServiceDefaults(NotificationModule.Name);
        builder.AddRestDoor(NotificationModule.Name, typeof(Contracts.Grpc.Notification.NotificationService).Assembly);
        builder.AddNotificationService();
        return builder.Build();
    }
}
