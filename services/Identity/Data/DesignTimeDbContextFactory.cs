using Visitation.Messaging.Database;

namespace Visitation.Identity.Data;

internal sealed class DesignTimeDbContextFactory : DesignTimeFactory<IdentityDb>;
