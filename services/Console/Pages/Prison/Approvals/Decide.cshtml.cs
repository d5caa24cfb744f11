using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Console.Vocabulary;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.VisitCentre.Approvals;

/// <summary>
/// One task and the officer's decision: approve (the rules engine judges again and may turn it into a
/// refusal with its reasons), or refuse with a coded reason and the sentence the family is told. The
/// service records one decision per application and answers a repeat with it, so a double submit
/// decides once; the buttons are also disabled after the first click.
/// </summary>
public sealed class DecideModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    [BindProperty]
    public ApproveForm Approve { get; set; } = new();

    [BindProperty]
    public RefuseForm Refuse { get; set; } = new();

    public ApprovalTaskCard? Card { get; private set; }

    [TempData]
    public string? Decided { get; set; }

    public async Task OnGetAsync(string id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostApproveAsync(string id)
    {
        var request = new PrisonApproveRequest
        {
            ApplicationId = id,
            InmateNumber = Approve.InmateNumber ?? string.Empty,
            Note = Approve.Note ?? string.Empty,
            UseExtraVisitApproval = Approve.UseExtraVisitApproval,
            UseLongerVisitApproval = Approve.UseLongerVisitApproval,
        };
        request.RemoveVisitors.AddRange(Approve.Removals());
        return await DecideAsync(id, nameof(Approve), async (prison, cancel) => await prison.ApproveApplicationAsync(request, cancellationToken: cancel));
    }

    public async Task<IActionResult> OnPostRefuseAsync(string id)
    {
        var request = new PrisonRejectRequest { ApplicationId = id, ReasonCode = Refuse.ReasonCode ?? string.Empty, Reason = Refuse.Reason ?? string.Empty };
        return await DecideAsync(id, nameof(Refuse), async (prison, cancel) => await prison.RejectApplicationAsync(request, cancellationToken: cancel));
    }

    private async Task<IActionResult> DecideAsync(string id, string form, Func<PrisonApprovalService.PrisonApprovalServiceClient, CancellationToken, Task<Decision>> decide)
    {
        try
        {
            var decision = await decide(await services.PrisonApprovalAsync(), HttpContext.RequestAborted);
            Decided = Outcome(id, decision);
            return RedirectToPage("Index");
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, form, FieldLabels.PrisonDecision);
            await LoadAsync(id);
            return Page();
        }
    }

    /// <summary>The sentence the queue shows after the decision: an approval, the rules' refusal with every reason, or the officer's own.</summary>
    public static string Outcome(string id, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Approved)
        {
            var without = decision.RemovedVisitors.Count == 0 ? string.Empty : $"（{string.Join("", decision.RemovedVisitors.Select(r => r.Reason))}已短信告知家属）";
            return $"申请 {id} 已批准{without}，已转排期；拟定时间后请在“待确认排期”中确认。";
        }

        var reasons = decision.Failures.Count > 0
            ? string.Join("；", decision.Failures.Select(f => PrisonNames.Explained(f.Code, f.Message)))
            : PrisonNames.Explained(decision.ReasonCode, decision.Reason);
        return $"申请 {id} 不予批准（{reasons}），已通知家属。";
    }

    private async Task LoadAsync(string id)
    {
        await TryCallAsync(async cancel =>
        {
            var (tasks, _) = await PendingApprovals.AllAsync(await services.PrisonApprovalAsync(), cancel);
            var task = tasks.FirstOrDefault(t => t.ApplicationId == id);
            Card = task is null ? null : new ApprovalTaskCard(task, reference, IndexModel.Overdue(task, clock.GetUtcNow()), DecideLink: false);
        });
    }
}

public sealed class ApproveForm
{
    public string? InmateNumber { get; set; }

    public string? Note { get; set; }

    public bool UseExtraVisitApproval { get; set; }

    public bool UseLongerVisitApproval { get; set; }

    /// <summary>One entry per visitor, by position: the reason (a <see cref="VisitorRemovalReason"/> name) the visitor may not come, or empty.</summary>
    public List<string?> RemoveVisitors { get; set; } = [];

    /// <summary>The visitors the officer refused, as the request names them (<see cref="VisitorRemovalChoices"/>).</summary>
    public IEnumerable<VisitorRemoval> Removals() => VisitorRemovalChoices.Removals(RemoveVisitors);
}

public sealed class RefuseForm
{
    public string? ReasonCode { get; set; }

    public string? Reason { get; set; }
}
