using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Errors;

namespace Visitation.Console.Pages.SendBack;

/// <summary>
/// A stage's 退回补正 page (docs/send-back.md): the application as the stage's queue holds it, the coded items and
/// a note; the bureau's and the prison's pages differ only in the call that sends back and where they go after.
/// The service answers a repeat with the send-back on record, so a double submit sends back once.
/// </summary>
public abstract class SendBackPage<TItem> : ConsolePage where TItem : class
{
    [BindProperty]
    public SendBackForm SendBack { get; set; } = new();

    /// <summary>The application, while the stage's queue holds it pending.</summary>
    public TItem? Item { get; private set; }

    public async Task OnGetAsync(string id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostAsync(string id)
    {
        try
        {
            await SendAsync(id, HttpContext.RequestAborted);
            return AfterSent(id);
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, nameof(SendBack), FieldLabels.SendBack, SendBackPaths.ToForm);
            await LoadAsync(id);
            return Page();
        }
    }

    /// <summary>Sends the application back with <see cref="SendBack"/>'s items and note.</summary>
    protected abstract Task SendAsync(string id, CancellationToken cancel);

    /// <summary>The application in the stage's pending queue, or null when it is no longer there.</summary>
    protected abstract Task<TItem?> FindAsync(string id, CancellationToken cancel);

    protected abstract IActionResult AfterSent(string id);

    private async Task LoadAsync(string id) => await TryCallAsync(async cancel => Item = await FindAsync(id, cancel));
}
