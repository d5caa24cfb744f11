using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Pages.SendBack;
using Visitation.Contracts.Grpc.PrisonApproval;

namespace Visitation.Console.Pages.VisitCentre.Approvals;

/// <summary>The officer sends an application back to its office for more material instead of refusing it; the same form as the bureau's.</summary>
public sealed class SendBackModel(ServiceClients services) : SendBackPage<ApprovalTask>
{
    [TempData]
    public string? Decided { get; set; }

    protected override async Task SendAsync(string id, CancellationToken cancel)
    {
        var request = new PrisonSendBackRequest { ApplicationId = id, Note = SendBack.TrimmedNote };
        SendBack.CopyTo(request.Missing);
        await (await services.PrisonApprovalAsync()).SendBackApplicationAsync(request, cancellationToken: cancel);
    }

    protected override async Task<ApprovalTask?> FindAsync(string id, CancellationToken cancel) =>
        (await PendingApprovals.AllAsync(await services.PrisonApprovalAsync(), cancel)).Tasks.FirstOrDefault(t => t.ApplicationId == id);

    protected override IActionResult AfterSent(string id)
    {
        Decided = $"申请 {id} 已退回司法所补正，已短信告知家属需补充的材料。";
        return RedirectToPage("Index");
    }
}
