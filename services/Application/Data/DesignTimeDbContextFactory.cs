using Visitation.ServiceDefaults.Data;

namespace Visitation.Application.Data;

internal sealed class DesignTimeDbContextFactory : DesignTimeFactory<ApplicationDbContext>;
