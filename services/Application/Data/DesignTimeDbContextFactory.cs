using Visitation.Messaging.Database;

namespace Visitation.Application.Data;

internal sealed class DesignTimeDbContextFactory : DesignTimeFactory<ApplicationDbContext>;
