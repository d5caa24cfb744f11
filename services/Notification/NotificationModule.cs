using Visitation.Workflow.Audit;
using Visitation.Workflow.ReferenceData;
using Visitation.Workflow.Retention;
using MassTransit;
using Visitation.Notification.Data;
using Visitation.Notification.Features.Deliver;
using Visitation.Notification.Features.ListMessages;
using Visitation.Notification.Features.Retention;
using Visitation.Messaging.Database;
using Visitation.Messaging;
using Visitation.Protection;

namespace Visitation.Notification;

public static class NotificationModule
{
    public const string Name = "notification";

    public static WebApplicationBuilder AddNotificationService(this WebApplicationBuilder builder)
    {
        builder.AddReferenceData();
        builder.AddServiceDatabase<NotificationDbContext>();
        builder.AddFieldProtection<NotificationDbContext>();
        builder.AddSmsDelivery();
        builder.Services.AddScoped<ListMessagesHandler>();
        builder.AddRetention<AnonymiseClosedRecipients>();
        builder.AddAuditRelay(Name);
        builder.AddServiceMessaging(Name, bus => bus.AddConsumers(typeof(NotificationModule).Assembly));
        return builder;
    }
}
