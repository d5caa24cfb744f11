using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.AuditStore;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Admin.Audit;

/// <summary>
/// The audit administrator's search of the audit store (every service's audit, rows of their subtree only)
/// and its export as CSV. The store writes the file and audits each search and each export in its own audit
/// (<c>AuditSearched</c>, <c>Exported</c>) before it answers, so the console adds no trail of its own: an
/// export the store refused was never made, and one it made is on record whatever the browser does next.
/// </summary>
public sealed class IndexModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public AuditSearchForm Filter { get; set; } = new();

    public IReadOnlyList<AuditRowView> Rows { get; private set; } = [];

    public string? NextPageLink { get; private set; }

    public IReadOnlyList<(string Id, string Name)> Organisations { get; private set; } = [];

    public ReferenceDataSet Reference => reference;

    /// <summary>The signed-in administrator's account id, for "my own searches and exports".</summary>
    public string Me => User.FindFirst("sub")?.Value ?? string.Empty;

    public async Task OnGetAsync(string? after)
    {
        Organisations = Subtree.Of(reference, Organisation);
        if (Readable() is not { } filter)
        {
            return;
        }

        await TryAsync(async (store, cancel) =>
        {
            var reply = await store.SearchAuditAsync(
                new SearchAuditRequest { Filter = filter, Page = new PageRequest { PageSize = 50, PageToken = after ?? string.Empty } },
                cancellationToken: cancel);
            Rows = reply.Rows;
            NextPageLink = string.IsNullOrEmpty(reply.NextPageToken)
                ? null
                : QueryHelpers.AddQueryString("/Admin/Audit", Filter.AsQuery(nameof(Filter)).Append(KeyValuePair.Create("after", (string?)reply.NextPageToken)));
        });
    }

    /// <summary>The current search's rows as the store's CSV file; a refusal shows the page again with its reason.</summary>
    public async Task<IActionResult> OnPostExportAsync()
    {
        Organisations = Subtree.Of(reference, Organisation);
        ExportAuditReply? export = null;
        if (Readable() is { } filter)
        {
            await TryAsync(async (store, cancel) =>
                export = await store.ExportAuditAsync(new ExportAuditRequest { Filter = filter }, cancellationToken: cancel));
        }

        if (export is null)
        {
            return Page();
        }

        var made = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        // A file cut at the store's limit says so in its name: the administrator must not take it for the whole search.
        var name = export.Truncated ? $"audit-{made}-first-{export.Limit}-rows.csv" : $"audit-{made}.csv";
        return File(export.Csv.ToByteArray(), "text/csv; charset=utf-8", name);
    }

    /// <summary>The store's filter, or null when a time could not be read (said beside its field; the store is not asked).</summary>
    private AuditFilter? Readable()
    {
        var unreadable = new List<string>();
        var filter = Filter.ToFilter(unreadable);
        if (unreadable.Count == 0)
        {
            return filter;
        }

        foreach (var field in unreadable)
        {
            ModelState.AddModelError($"{nameof(Filter)}.{field}", "请按“年-月-日 时:分”填写时间");
        }

        // The summary's sentence for content to check; the field's own message is beside it.
        Errors.Show(new RpcException(new Status(Grpc.Core.StatusCode.InvalidArgument, "unreadable time")));
        return null;
    }

    private async Task TryAsync(Func<AuditStoreService.AuditStoreServiceClient, CancellationToken, Task> call)
    {
        try
        {
            await call(await services.AuditStoreAsync(), HttpContext.RequestAborted);
        }
        catch (RpcException error)
        {
            // The store names its filter's fields under "filter."; the form holds them directly.
            Errors.Show(error, ModelState, nameof(Filter), FieldLabels.AuditFilter, path => path.StartsWith("filter.", StringComparison.Ordinal) ? path["filter.".Length..] : path);
        }
    }
}
