using Visitation.Console.Calls;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;

namespace Visitation.Console.Pages.Applications;

/// <summary>The office's applications, newest first, with their status; the service keeps them to the clerk's office.</summary>
public sealed class IndexModel(ServiceClients services) : ConsolePage
{
    public IReadOnlyList<ApplicationSummary> Rows { get; private set; } = [];

    public ApplicationStatus? Status { get; private set; }

    public string? NextPage { get; private set; }

    /// <summary>The list, from the page token <paramref name="after"/> on (not "page": Razor Pages keeps that name for itself).</summary>
    public async Task OnGetAsync(ApplicationStatus? status, string? after)
    {
        Status = status;
        await TryCallAsync(async cancel =>
        {
            var applications = await services.ApplicationsAsync();
            var reply = await applications.ListApplicationsAsync(
                new ListApplicationsRequest { Page = new PageRequest { PageSize = 50, PageToken = after ?? string.Empty }, Status = status ?? ApplicationStatus.Unspecified },
                cancellationToken: cancel);
            Rows = reply.Applications;
            NextPage = reply.NextPageToken;
        });
    }
}
