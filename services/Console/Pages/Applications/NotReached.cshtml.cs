using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;

namespace Visitation.Console.Pages.Applications;

/// <summary>
/// 未联系上的家属: the office's applications whose SMS will never reach the family (wrong number,
/// blocked, refused, out of retries), the longest waiting first, each with a form to record what came of
/// phoning them; or the entries closed in the last 30 days. The service keeps it to the clerk's office,
/// masks the phones and audits the read (docs/family-not-reached.md).
/// </summary>
public sealed class NotReachedModel(ServiceClients services) : ConsolePage
{
    public const int PageSize = 50;

    public IReadOnlyList<FamilyNotReached> Rows { get; private set; } = [];

    /// <summary>Whether the page shows the recently closed entries rather than the open ones.</summary>
    public bool Closed { get; private set; }

    public string? NextPage { get; private set; }

    [BindProperty]
    public NotReachedCloseForm Closing { get; set; } = new();

    public async Task OnGetAsync(bool closed, string? after) => await LoadAsync(closed, after);

    /// <summary>"记录处理结果": the service closes the entry, or says which field is wrong.</summary>
    public async Task<IActionResult> OnPostCloseAsync()
    {
        try
        {
            var applications = await services.ApplicationsAsync();
            await applications.CloseFamilyNotReachedAsync(
                new CloseFamilyNotReachedRequest
                {
                    EntryId = Closing.EntryId ?? string.Empty,
                    Outcome = Closing.Outcome ?? ContactOutcome.Unspecified,
                    Note = Closing.Note?.Trim() ?? string.Empty,
                },
                cancellationToken: HttpContext.RequestAborted);
            return Redirect("/Applications/NotReached");
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, nameof(Closing), FieldLabels.NotReached);
            await LoadAsync(closed: false, after: null);
            return Page();
        }
    }

    private async Task LoadAsync(bool closed, string? after)
    {
        Closed = closed;
        await TryCallAsync(async cancel =>
        {
            var applications = await services.ApplicationsAsync();
            var reply = await applications.ListFamiliesNotReachedAsync(
                new ListFamiliesNotReachedRequest { Closed = closed, Page = new PageRequest { PageSize = PageSize, PageToken = after ?? string.Empty } },
                cancellationToken: cancel);
            Rows = reply.Entries;
            NextPage = reply.NextPageToken;
        });
    }

    /// <summary>The address of the next page of the same view.</summary>
    public string NextPageAddress() =>
        QueryString.Create(new Dictionary<string, string?> { ["closed"] = Closed ? "true" : null, ["after"] = NextPage }
            .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}

public sealed class NotReachedCloseForm
{
    public string? EntryId { get; set; }
    public ContactOutcome? Outcome { get; set; }

    /// <summary>For the office's staff only: never sent to the family.</summary>
    public string? Note { get; set; }
}
