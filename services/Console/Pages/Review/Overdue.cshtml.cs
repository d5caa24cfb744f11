using Visitation.Console.Calls;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Review;

/// <summary>What the review clock expired in the county (past the deadline, or the visit month over), newest first.</summary>
public sealed class OverdueModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    public IReadOnlyList<ReviewTask> Rows { get; private set; } = [];

    public string? NextPage { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public ReferenceDataSet Reference => reference;

    /// <summary>The list from the page token <paramref name="after"/> on.</summary>
    public async Task OnGetAsync(string? after)
    {
        await TryCallAsync(async cancel =>
        {
            var review = await services.BureauReviewAsync();
            var reply = await review.ListOverdueReviewsAsync(
                new ListOverdueReviewsRequest { Page = new PageRequest { PageSize = 50, PageToken = after ?? string.Empty } }, cancellationToken: cancel);
            Rows = reply.Tasks;
            NextPage = reply.NextPageToken;
        });
    }
}
