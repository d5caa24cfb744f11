using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.VisitCentre.Proposals;

/// <summary>
/// The slots scheduling proposed for approved applications, earliest first, for the officer to
/// confirm as they are (the family is then told by SMS) or to move with the slot picker (<c>Move</c>).
/// Confirming twice answers with the same visit.
/// </summary>
public sealed class IndexModel(ServiceClients services, ReferenceDataSet reference) : ConsolePage
{
    public IReadOnlyList<VisitView> Proposals { get; private set; } = [];

    public string? NextPage { get; private set; }

    public ReferenceDataSet Reference => reference;

    [TempData]
    public string? Confirmed { get; set; }

    public async Task OnGetAsync(string? after)
    {
        await TryCallAsync(async cancel =>
        {
            var scheduling = await services.SchedulingAsync();
            var reply = await scheduling.ListProposalsAsync(
                new ListProposalsRequest { Page = new PageRequest { PageSize = 100, PageToken = after ?? string.Empty } }, cancellationToken: cancel);
            Proposals = reply.Visits;
            NextPage = reply.NextPageToken;
        });
    }

    public async Task<IActionResult> OnPostConfirmAsync(string visitId)
    {
        try
        {
            var scheduling = await services.SchedulingAsync();
            var visit = await scheduling.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = visitId }, cancellationToken: HttpContext.RequestAborted);
            Confirmed = ConfirmedText(visit);
            return RedirectToPage("Index");
        }
        catch (RpcException error)
        {
            Errors.Show(error);
            await OnGetAsync(null);
            return Page();
        }
    }

    /// <summary>What the officer is told after confirming: the visit as booked, and that the family hears of it.</summary>
    public static string ConfirmedText(VisitView visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return $"已确认：申请 {visit.ApplicationId} 的会见定于 {visit.Date} {visit.StartTime}（{visit.Minutes}分钟，监狱终端 {visit.PrisonTerminal}，会见室终端 {visit.VenueTerminal}），将以短信通知家属。";
    }
}
