using Google.Protobuf.WellKnownTypes;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.BureauReview;

namespace Visitation.Console.Pages.Review;

/// <summary>
/// A county's review queue read whole (up to <see cref="Limit"/> items), so the pages can sort it by any
/// column and filter it by office; the service gives it nearest deadline first, a page at a time.
/// </summary>
public static class ReviewQueue
{
    /// <summary>More than a county's bureau has waiting in a month; beyond it the pages say the list is cut.</summary>
    public const int Limit = 1000;

    private const int PageSize = 200;

    /// <summary>The pending items (<paramref name="overdue"/> false) or those the review clock expired.</summary>
    public static async Task<IReadOnlyList<ReviewTask>> LoadAsync(BureauReviewService.BureauReviewServiceClient client, bool overdue, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(client);
        var tasks = new List<ReviewTask>();
        var token = string.Empty;
        do
        {
            var page = new PageRequest { PageSize = PageSize, PageToken = token };
            var reply = overdue
                ? await client.ListOverdueReviewsAsync(new ListOverdueReviewsRequest { Page = page }, cancellationToken: cancel)
                : await client.ListPendingReviewsAsync(new ListPendingReviewsRequest { Page = page }, cancellationToken: cancel);
            tasks.AddRange(reply.Tasks);
            token = reply.NextPageToken;
        }
        while (token.Length > 0 && tasks.Count < Limit);

        return tasks;
    }

    /// <summary>Whether the deadline has passed, as of <paramref name="now"/>.</summary>
    public static bool IsPastDue(this ReviewTask task, DateTimeOffset now) =>
        task?.DueBy is { } due && due.ToDateTimeOffset() < now;

    /// <summary>Whether the deadline falls within the next working day or so: the reviewer should take it first.</summary>
    public static bool IsDueSoon(this ReviewTask task, DateTimeOffset now) =>
        task?.DueBy is { } due && due.ToDateTimeOffset() >= now && due.ToDateTimeOffset() < now.AddDays(1);

    public static DateTimeOffset Instant(Timestamp? at) => at?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue;
}
