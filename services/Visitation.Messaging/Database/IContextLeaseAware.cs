using Microsoft.EntityFrameworkCore;

namespace Visitation.Messaging.Database;

/// <summary>
/// An interceptor that keeps state per context. Service contexts are pooled (<see cref="DatabaseExtensions"/>):
/// when one goes back to its pool, what the interceptor holds for it is dropped, so the next lease starts clean.
/// </summary>
public interface IContextLeaseAware
{
    void ContextReturned(DbContext context);
}
