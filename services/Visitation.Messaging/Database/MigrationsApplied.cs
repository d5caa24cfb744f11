using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Visitation.Messaging.Database;

/// <summary>
/// Whether the context's migrations have been applied in this process: the readiness check a
/// Kubernetes readiness probe reads on <c>/health</c> (deploy/k8s, docs/kubernetes.md). The web
/// server already starts after the migrations, but a host that starts its hosted services
/// concurrently would not; this check says it in so many words, whatever the start order.
/// </summary>
internal sealed class MigrationsApplied<TContext> : IHealthCheck where TContext : DbContext
{
    private volatile bool applied;

    public void MarkApplied() => applied = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(applied ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy());
}
