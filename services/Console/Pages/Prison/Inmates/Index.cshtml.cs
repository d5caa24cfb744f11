using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.ServiceDefaults.Auth;
using PrisonClient = Visitation.Contracts.Grpc.PrisonApproval.PrisonApprovalService.PrisonApprovalServiceClient;

namespace Visitation.Console.Pages.VisitCentre.Inmates;

/// <summary>
/// One inmate of the register, found by number: custody, statuses, relatives, the month's quota and
/// special approvals, and the officer's register work on them — set or end a status, record a
/// departure, a move to another area, an on-site visit, bar a visitor, and (the director) record a special approval. Each
/// change that stops visits reaches the work in flight in the service (pending applications refused,
/// booked visits cancelled and their families told), which "需关注的会见" then lists.
/// </summary>
public sealed class IndexModel(ServiceClients services) : ConsolePage
{
    [BindProperty]
    public StatusForm SetStatus { get; set; } = new();

    [BindProperty]
    public StatusEndForm EndStatus { get; set; } = new();

    [BindProperty]
    public DepartureForm Departure { get; set; } = new();

    [BindProperty]
    public AreaMoveForm Move { get; set; } = new();

    [BindProperty]
    public BarForm Bar { get; set; } = new();

    [BindProperty]
    public OnSiteForm OnSite { get; set; } = new();

    [BindProperty]
    public SpecialApprovalForm Special { get; set; } = new();

    public InmateView? Inmate { get; private set; }

    public string? Number { get; private set; }

    /// <summary>Special approvals are signed on paper by the prison's leadership and recorded by its director (docs/access.md).</summary>
    public bool MayRecordSpecialApprovals => User.IsInRole(Roles.Director);

    public bool IsOfficer => User.IsInRole(Roles.Officer);

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(string? number) => await LoadAsync(number);

    public Task<IActionResult> OnPostSetStatusAsync(string number) =>
        ActAsync(number, nameof(SetStatus), FieldLabels.InmateStatus, path => path.Replace("status.", string.Empty, StringComparison.Ordinal), async (prison, cancel) =>
        {
            var status = new StatusInput { Kind = SetStatus.Kind ?? InmateStatusKind.Unspecified, From = SetStatus.From ?? string.Empty, To = SetStatus.To ?? string.Empty, Reason = SetStatus.Reason ?? string.Empty };
            await prison.SetInmateStatusAsync(new SetInmateStatusRequest { InmateNumber = number, Status = status }, cancellationToken: cancel);
            return $"已登记状态“{PrisonNames.Of(SetStatus.Kind ?? InmateStatusKind.Unspecified)}”；受影响的待审批申请和已排会见已按规定处理，家属已收到通知。";
        });

    public Task<IActionResult> OnPostEndStatusAsync(string number) =>
        ActAsync(number, nameof(EndStatus), FieldLabels.StatusEnd, null, async (prison, cancel) =>
        {
            await prison.EndInmateStatusAsync(new EndInmateStatusRequest { InmateNumber = number, StatusId = EndStatus.StatusId ?? string.Empty, LastDay = EndStatus.LastDay ?? string.Empty }, cancellationToken: cancel);
            return $"状态已于{EndStatus.LastDay}结束。";
        });

    public Task<IActionResult> OnPostDepartureAsync(string number) =>
        ActAsync(number, nameof(Departure), FieldLabels.Departure, null, async (prison, cancel) =>
        {
            await prison.RecordDepartureAsync(new RecordDepartureRequest
            {
                InmateNumber = number, Kind = Departure.Kind ?? DepartureKind.Unspecified, On = Departure.On ?? string.Empty, TransferredTo = Departure.TransferredTo ?? string.Empty,
            }, cancellationToken: cancel);
            return $"已登记“{PrisonNames.Of(Departure.Kind ?? DepartureKind.Unspecified)}”（{Departure.On}）。";
        });

    public Task<IActionResult> OnPostMoveAsync(string number) =>
        ActAsync(number, nameof(Move), FieldLabels.AreaMove, null, async (prison, cancel) =>
        {
            var moved = await prison.MoveInmateAreaAsync(new MoveInmateAreaRequest { InmateNumber = number, PrisonArea = Move.PrisonArea ?? string.Empty }, cancellationToken: cancel);
            return $"已调至{moved.PrisonArea}监区；不在新监区会见日的已排会见已改到新监区最近的会见日或另行安排，家属将收到短信通知。";
        });

    public Task<IActionResult> OnPostBarAsync(string number) =>
        ActAsync(number, nameof(Bar), FieldLabels.VisitorBar, null, async (prison, cancel) =>
        {
            var reply = await prison.BarVisitorAsync(new BarVisitorRequest
            {
                IdNumber = Bar.IdNumber ?? string.Empty, From = Bar.From ?? string.Empty, To = Bar.To ?? string.Empty, Reason = Bar.Reason ?? string.Empty,
            }, cancellationToken: cancel);
            return $"已禁止该会见人会见：不予批准待审批申请{reply.ApplicationsRefused}件，取消已排会见{reply.VisitsCancelled}次。";
        });

    public Task<IActionResult> OnPostOnSiteAsync(string number) =>
        ActAsync(number, nameof(OnSite), FieldLabels.OnSiteVisit, null, async (prison, cancel) =>
        {
            await prison.RecordOnSiteVisitAsync(new RecordOnSiteVisitRequest
            {
                RequestId = OnSite.RequestId, InmateNumber = number, Date = OnSite.Date ?? string.Empty, Note = OnSite.Note ?? string.Empty,
                OverrideReason = OnSite.OverrideReason ?? string.Empty,
            }, cancellationToken: cancel);
            return $"已登记{OnSite.Date}的现场会见，计入当月会见次数。";
        });

    public Task<IActionResult> OnPostSpecialAsync(string number) =>
        ActAsync(number, nameof(Special), FieldLabels.SpecialApproval, null, async (prison, cancel) =>
        {
            var request = new RecordSpecialApprovalRequest
            {
                InmateNumber = number, Kind = Special.Kind ?? SpecialApprovalKind.Unspecified, Month = Special.Month ?? string.Empty, Signatories = Special.Signatories ?? string.Empty, Reason = Special.Reason ?? string.Empty,
            };
            request.ApprovedBy.AddRange(Special.ApprovedBy);
            await prison.RecordSpecialApprovalAsync(request, cancellationToken: cancel);
            return $"已登记{Special.Month}的“{PrisonNames.Of(Special.Kind ?? SpecialApprovalKind.Unspecified)}”特批。";
        });

    /// <summary>One register change: on success the inmate's page again with what was done; a refusal shown beside the form's fields, the entries kept.</summary>
    private async Task<IActionResult> ActAsync(string number, string form, FieldLabels labels, Func<string, string>? toFormPath, Func<PrisonClient, CancellationToken, Task<string>> act)
    {
        try
        {
            Done = await act(await services.PrisonApprovalAsync(), HttpContext.RequestAborted);
            return RedirectToPage(new { number });
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, form, labels, toFormPath);
            await LoadAsync(number);
            return Page();
        }
    }

    private async Task LoadAsync(string? number)
    {
        Number = number?.Trim();
        if (string.IsNullOrEmpty(Number))
        {
            return;
        }

        await TryCallAsync(async cancel =>
            Inmate = await (await services.PrisonApprovalAsync()).GetInmateAsync(new GetInmateRequest { InmateNumber = Number }, cancellationToken: cancel));
    }
}
