using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Console.Pages.SendBack;
using Visitation.Contracts.Grpc.PrisonApproval;

namespace Visitation.Console.Pages.VisitCentre.Approvals;

/// <summary>
/// The officer sends an application back to its office for more material (退回补正, docs/send-back.md)
/// instead of refusing it; the same form as the bureau's. A repeat is answered with the send-back on record.
/// </summary>
public sealed class SendBackModel(ServiceClients services) : ConsolePage
{
    [BindProperty]
    public SendBackForm SendBack { get; set; } = new();

    /// <summary>The application, while the prison's queue holds it pending.</summary>
    public ApprovalTask? Item { get; private set; }

    [TempData]
    public string? Decided { get; set; }

    public async Task OnGetAsync(string id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostAsync(string id)
    {
        try
        {
            var prison = await services.PrisonApprovalAsync();
            var request = new PrisonSendBackRequest { ApplicationId = id, Note = SendBack.TrimmedNote };
            SendBack.CopyTo(request.Missing);
            await prison.SendBackApplicationAsync(request, cancellationToken: HttpContext.RequestAborted);
            Decided = $"申请 {id} 已退回司法所补正，已短信告知家属需补充的材料。";
            return RedirectToPage("Index");
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, nameof(SendBack), FieldLabels.SendBack, SendBackPaths.ToForm);
            await LoadAsync(id);
            return Page();
        }
    }

    private async Task LoadAsync(string id) =>
        await TryCallAsync(async cancel =>
            Item = (await PendingApprovals.AllAsync(await services.PrisonApprovalAsync(), cancel)).Tasks.FirstOrDefault(t => t.ApplicationId == id));
}
