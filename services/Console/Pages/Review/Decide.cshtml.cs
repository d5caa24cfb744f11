using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Console.Vocabulary;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Reviewing;

namespace Visitation.Console.Pages.Review;

/// <summary>
/// One application at the bureau's re-review: what the family applied for and what the counter checked,
/// as the reviewer may see it (ID numbers masked); approve — without some visitors if need be, with the officer's
/// remove-visitor control (<see cref="VisitorRemovalChoices"/>) — or reject with a coded reason and a note.
/// The service answers a repeated decision with the recorded one, so a double submit decides once.
/// </summary>
public sealed class DecideModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    /// <summary>The service's bound on a rejection's text (Decisions.ValidateRejection).</summary>
    public const int NoteLength = 200;

    [BindProperty]
    public RejectionForm Rejection { get; set; } = new();

    [BindProperty]
    public ApprovalForm Approval { get; set; } = new();

    /// <summary>The application, when the county's queue (pending or expired) holds it.</summary>
    public ReviewTask? Item { get; private set; }

    public ReferenceDataSet Reference => reference;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(string id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostApproveAsync(string id)
    {
        try
        {
            var review = await services.BureauReviewAsync();
            var request = new ApproveReviewRequest { ApplicationId = id, Note = Approval.Note?.Trim() ?? string.Empty };
            request.RemoveVisitors.AddRange(VisitorRemovalChoices.Removals(Approval.RemoveVisitors));
            await OnceAsync(() => review.ApproveApplicationAsync(request, cancellationToken: HttpContext.RequestAborted).ResponseAsync);
            return Redirect("/Review?approved=" + Uri.EscapeDataString(id));
        }
        catch (RpcException error)
        {
            // A removal's violation (e.g. no adult left) goes beside the remove-visitor control.
            Errors.Show(error, ModelState, nameof(Approval), FieldLabels.Review);
            await LoadAsync(id);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRejectAsync(string id)
    {
        try
        {
            var review = await services.BureauReviewAsync();
            var request = Rejection.ToRequest(id);
            await OnceAsync(() => review.RejectApplicationAsync(request, cancellationToken: HttpContext.RequestAborted).ResponseAsync);
            return Redirect("/Review?rejected=" + Uri.EscapeDataString(id));
        }
        catch (RpcException error)
        {
            // The service's "reason" is the form's note: its violation goes beside the note.
            Errors.Show(error, ModelState, nameof(Rejection), FieldLabels.Review, path => path == "reason" ? "note" : path);
            await LoadAsync(id);
            return Page();
        }
    }

    /// <summary>
    /// Sends a decision; if another request decided the same application at that moment (ABORTED: the record
    /// changed under it, nothing of this one was saved), sends it once more, and the service then answers with
    /// the decision on record — or refuses a contradicting one. A double click thus shows one decision, not an error.
    /// </summary>
    private static async Task OnceAsync(Func<Task> decide)
    {
        try
        {
            await decide();
        }
        catch (RpcException error) when (error.StatusCode == Grpc.Core.StatusCode.Aborted)
        {
            await decide();
        }
    }

    private async Task LoadAsync(string id)
    {
        await TryCallAsync(async cancel =>
        {
            var client = await services.BureauReviewAsync();
            Item = (await ReviewQueue.LoadAsync(client, overdue: false, cancel)).FirstOrDefault(t => t.ApplicationId == id)
                ?? (await ReviewQueue.LoadAsync(client, overdue: true, cancel)).FirstOrDefault(t => t.ApplicationId == id);
        });
    }
}

/// <summary>Approving: a note for the record, and the visitors the bureau refuses (the others go on to the prison).</summary>
public sealed class ApprovalForm
{
    public string? Note { get; set; }

    /// <summary>One entry per visitor, by position: the reason (a <see cref="Contracts.Grpc.VisitorRemovalReason"/> name) the visitor may not come, or empty.</summary>
    public List<string?> RemoveVisitors { get; set; } = [];
}

/// <summary>Not approving: one of the coded reasons, and a note for the staff (the family's SMS names only the reason's kind).</summary>
public sealed class RejectionForm
{
    public string? ReasonCode { get; set; }

    public string? Note { get; set; }

    /// <summary>The note is the rejection's text; without one, the reason's Chinese name says it ("other" needs the note).</summary>
    public RejectReviewRequest ToRequest(string applicationId)
    {
        var code = ReasonCode ?? string.Empty;
        var note = Note?.Trim();
        return new RejectReviewRequest
        {
            ApplicationId = applicationId,
            ReasonCode = code,
            Reason = string.IsNullOrEmpty(note) && code.Length > 0 && code != ReviewReasonCodes.Other ? ReviewReasons.NameOf(code) : note ?? string.Empty,
        };
    }
}
