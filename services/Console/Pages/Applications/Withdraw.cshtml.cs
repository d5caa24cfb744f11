using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Console.Pages.Applications;

/// <summary>
/// Withdrawing at the family's request: the reason as they give it, then a confirmation that reads the
/// application back, then the service's withdrawal. The service decides whether it is too late (a final
/// outcome); its refusal is shown on this page as a sentence, and the application's page shows the result.
/// </summary>
public sealed class WithdrawModel(ServiceClients services, ReferenceDataSet reference) : OneApplicationPage(services, reference)
{
    [BindProperty]
    public WithdrawalForm Withdrawal { get; set; } = new();

    /// <summary>Whether the page asks to confirm the withdrawal rather than for its reason.</summary>
    public bool Confirming { get; private set; }

    public async Task OnGetAsync(string id) => await LoadAsync(id);

    /// <summary>"下一步": with a reason given, the page reads the application back for confirmation.</summary>
    public async Task OnPostCheckAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return;
        }

        // The service's own rule, checked before asking to confirm and shown the way the service's refusal is.
        try
        {
            new FieldViolations().Required("reason", Withdrawal.Reason).ThrowIfAny();
            Confirming = true;
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, nameof(Withdrawal), FieldLabels.Withdrawal);
        }
    }

    /// <summary>"返回修改": the reason again, as typed.</summary>
    public async Task OnPostEditAsync(string id) => await LoadAsync(id);

    /// <summary>"确认撤回": the service withdraws, or says why it cannot.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string id)
    {
        try
        {
            var applications = await Services.ApplicationsAsync();
            await applications.WithdrawApplicationAsync(
                new WithdrawApplicationRequest { ApplicationId = id, Reason = Withdrawal.Reason?.Trim() ?? string.Empty },
                cancellationToken: HttpContext.RequestAborted);
            return Redirect($"/Applications/{Uri.EscapeDataString(id)}");
        }
        catch (RpcException error)
        {
            await LoadAsync(id);
            Errors.Show(error, ModelState, nameof(Withdrawal), FieldLabels.Withdrawal);
            return Page();
        }
    }
}

public sealed class WithdrawalForm
{
    /// <summary>As the family gives it, in Chinese; the timeline quotes it.</summary>
    public string? Reason { get; set; }
}
