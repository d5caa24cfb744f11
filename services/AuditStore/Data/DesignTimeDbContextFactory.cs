using Visitation.Messaging.Database;

namespace Visitation.AuditStore.Data;

internal sealed class DesignTimeDbContextFactory : DesignTimeFactory<AuditStoreDbContext>;
