using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.VisitCentre.Approvals;

/// <summary>
/// The visit centre's queue: every bureau-approved application waiting for an officer, with what the
/// rules engine judges of it now, the inmate's statuses, quota and registered relatives; nearest
/// deadline first, or latest first.
/// </summary>
public sealed class IndexModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    public IReadOnlyList<ApprovalTaskCard> Cards { get; private set; } = [];

    /// <summary>Whether every page of the queue was read (the count is then the whole queue's).</summary>
    public bool Complete { get; private set; } = true;

    /// <summary>"latest": the latest deadline first; otherwise the nearest first, as the service lists them.</summary>
    public bool LatestFirst { get; private set; }

    /// <summary>What the officer just decided, shown once after the redirect.</summary>
    [TempData]
    public string? Decided { get; set; }

    public async Task OnGetAsync(string? sort)
    {
        LatestFirst = sort == "latest";
        await TryCallAsync(async cancel =>
        {
            var (tasks, complete) = await PendingApprovals.AllAsync(await services.PrisonApprovalAsync(), cancel);
            Complete = complete;
            var ordered = LatestFirst ? tasks.OrderByDescending(t => t.DueBy) : tasks.OrderBy(t => t.DueBy);
            var now = clock.GetUtcNow();
            Cards = [.. ordered.Select(t => new ApprovalTaskCard(t, reference, Overdue(t, now), DecideLink: true))];
        });
    }

    public static bool Overdue(ApprovalTask task, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.DueBy is not null && task.DueBy.ToDateTimeOffset() < now;
    }
}
