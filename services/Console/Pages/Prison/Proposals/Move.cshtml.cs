using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.VisitCentre.Proposals;

/// <summary>
/// The slot picker: the free times of the visit's month (its area's visit days, the family's
/// preferences shown), each with how many of the prison's and the venue's terminals are free, and
/// the move, confirmed at once (the family is told the new time).
/// </summary>
public sealed class MoveModel(ServiceClients services, ReferenceDataSet reference) : ConsolePage
{
    private const int MaxSlots = 120;

    [BindProperty]
    public MoveForm Move { get; set; } = new();

    public VisitView? Visit { get; private set; }

    /// <summary>The free slots, by day.</summary>
    public IReadOnlyList<IGrouping<string, FreeSlot>> Days { get; private set; } = [];

    public ReferenceDataSet Reference => reference;

    public async Task OnGetAsync(string id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var (date, start) = MoveForm.Split(Move.Choice);
        try
        {
            var scheduling = await services.SchedulingAsync();
            var visit = await scheduling.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = id, Date = date, StartTime = start }, cancellationToken: HttpContext.RequestAborted);
            TempData[nameof(IndexModel.Confirmed)] = IndexModel.ConfirmedText(visit);
            return RedirectToPage("Index");
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, nameof(Move), FieldLabels.VisitConfirmation, path => path is "date" or "start_time" ? "choice" : path);
            await LoadAsync(id);
            return Page();
        }
    }

    private async Task LoadAsync(string id)
    {
        await TryCallAsync(async cancel =>
        {
            var scheduling = await services.SchedulingAsync();
            Visit = await scheduling.GetVisitAsync(new GetVisitRequest { VisitId = id }, cancellationToken: cancel);
            var free = await scheduling.ListFreeSlotsAsync(new ListFreeSlotsRequest { VisitId = id, MaxResults = MaxSlots }, cancellationToken: cancel);
            Days = [.. free.Slots.GroupBy(s => s.Date)];
        });
    }
}

public sealed class MoveForm
{
    /// <summary>The chosen slot as "yyyy-MM-dd HH:mm" (one radio group for both parts).</summary>
    public string? Choice { get; set; }

    public static string Of(FreeSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return slot.Date + " " + slot.StartTime;
    }

    /// <summary>Date and start of a choice; empty parts when nothing was chosen (the service names the missing field).</summary>
    public static (string Date, string Start) Split(string? choice) =>
        choice?.Split(' ', 2) is [var date, var start] ? (date, start) : (string.Empty, string.Empty);
}
