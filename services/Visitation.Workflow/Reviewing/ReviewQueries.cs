using Microsoft.EntityFrameworkCore;
using Visitation.Rules.Reviewing;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Workflow.Reviewing;

/// <summary>The reads every reviewing stage makes of its own items, written once.</summary>
public static class ReviewQueries
{
    /// <summary>The item a decision is about, tracked, or NOT_FOUND (<paramref name="what"/> names it for the officer).</summary>
    public static async Task<TItem> ForDecisionAsync<TItem>(this IQueryable<TItem> items, string applicationId, string what, CancellationToken ct)
        where TItem : ReviewItem
    {
        var id = Ids.Parse(applicationId, "application_id");
        return await items.SingleOrDefaultAsync(t => t.ApplicationId == id, ct) ?? throw GrpcErrors.NotFound(what, applicationId);
    }

    /// <summary>
    /// A page of the stage's queue: what waits for a decision, the nearest deadline first; or what the
    /// review clock expired, newest first, so the stage sees what it let lapse.
    /// </summary>
    public static Task<List<TItem>> QueuePageAsync<TItem>(this IQueryable<TItem> items, bool overdue, Page page, CancellationToken ct)
        where TItem : ReviewItem =>
        (overdue
            ? items.Where(t => t.Status == ReviewStatus.Expired).OrderByDescending(t => t.DecidedAt).ThenBy(t => t.ApplicationId)
            : items.Where(t => t.Status == ReviewStatus.Pending).OrderBy(t => t.DueBy).ThenBy(t => t.ReceivedAt).ThenBy(t => t.ApplicationId))
        .Skip(page.Offset).Take(page.Size)
        .ToListAsync(ct);
}
