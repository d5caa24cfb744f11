using Visitation.Messaging.Database;

namespace Visitation.Notification.Data;

internal sealed class DesignTimeDbContextFactory : DesignTimeFactory<NotificationDbContext>;
