using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Console.Pages.SendBack;
using Visitation.Contracts.Grpc.BureauReview;

namespace Visitation.Console.Pages.Review;

/// <summary>
/// The reviewer sends an application back to its office for more material (退回补正, docs/send-back.md)
/// instead of refusing it: the coded items, a note for the office. The service answers a repeat with
/// the send-back on record, so a double submit sends back once.
/// </summary>
public sealed class SendBackModel(ServiceClients services) : ConsolePage
{
    [BindProperty]
    public SendBackForm SendBack { get; set; } = new();

    /// <summary>The application, while the county's queue holds it pending.</summary>
    public ReviewTask? Item { get; private set; }

    public async Task OnGetAsync(string id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostAsync(string id)
    {
        try
        {
            var review = await services.BureauReviewAsync();
            var request = new SendBackReviewRequest { ApplicationId = id, Note = SendBack.TrimmedNote };
            SendBack.CopyTo(request.Missing);
            await review.SendBackApplicationAsync(request, cancellationToken: HttpContext.RequestAborted);
            return Redirect("/Review");
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
            Item = (await ReviewQueue.LoadAsync(await services.BureauReviewAsync(), overdue: false, cancel)).FirstOrDefault(t => t.ApplicationId == id));
}
