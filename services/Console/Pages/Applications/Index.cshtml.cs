using Visitation.Console.Calls;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;

namespace Visitation.Console.Pages.Applications;

/// <summary>
/// The office's applications, newest first, with their status; searched by application number or a
/// name and filtered by status. The service keeps them to the clerk's office and masks the phones.
/// </summary>
public sealed class IndexModel(ServiceClients services) : ConsolePage
{
    public const int PageSize = 50;

    public IReadOnlyList<ApplicationSummary> Rows { get; private set; } = [];

    public ApplicationStatus? Status { get; private set; }

    /// <summary>The search as typed: an application number (whole or its last 8 characters) or part of a name.</summary>
    public string? Query { get; private set; }

    public string? NextPage { get; private set; }

    /// <summary>The list, from the page token <paramref name="after"/> on (not "page": Razor Pages keeps that name for itself).</summary>
    public async Task OnGetAsync(ApplicationStatus? status, string? q, string? after)
    {
        Status = status;
        Query = q?.Trim();
        await TryCallAsync(async cancel =>
        {
            var applications = await services.ApplicationsAsync();
            var reply = await applications.ListApplicationsAsync(
                new ListApplicationsRequest
                {
                    Page = new PageRequest { PageSize = PageSize, PageToken = after ?? string.Empty },
                    Status = status ?? ApplicationStatus.Unspecified,
                    Query = Query ?? string.Empty,
                },
                cancellationToken: cancel);
            Rows = reply.Applications;
            NextPage = reply.NextPageToken;
        });
    }

    /// <summary>The address of the next page, keeping the search and the filter.</summary>
    public string NextPageAddress() =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Query,
            ["status"] = Status?.ToString(),
            ["after"] = NextPage,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
