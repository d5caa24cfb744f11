using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.VenueStaff;

/// <summary>
/// One visit at the venue: the booked visitors (masked numbers only), check-in against them, and
/// the call's state as the prison runs it. A visit of another venue is not found (the service looks
/// only within the caller's side). Checking in twice — a double click, a retry — checks in once: the
/// service answers a visit already checked in with the visit as it is.
/// </summary>
public sealed class VisitModel(ServiceClients services, ReferenceDataSet reference) : ConsolePage
{
    [BindProperty]
    public CheckInForm Form { get; set; } = new();

    public VisitView? Visit { get; private set; }

    public ReferenceDataSet Reference => reference;

    public async Task OnGetAsync(string id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostCheckInAsync(string id)
    {
        var typed = Form.Typed();
        if (typed.Count == 0)
        {
            // Said here, beside the first row: the service would take a check-in without any number.
            Errors.ShowField(ModelState, nameof(Form), "id_numbers[0]", FieldLabels.CheckIn, "请输入到场会见人的身份证号（可扫描证件）");
        }
        else
        {
            try
            {
                var scheduling = await services.SchedulingAsync();
                await scheduling.CheckInAsync(Form.ToRequest(id, typed), cancellationToken: HttpContext.RequestAborted);
                return RedirectToPage(new { id });
            }
            catch (RpcException error)
            {
                Errors.Show(error, ModelState, nameof(Form), FieldLabels.CheckIn, path => CheckInForm.ToFormPath(path, typed));
            }
        }

        await LoadAsync(id);
        return Page();
    }

    private async Task LoadAsync(string id) =>
        await TryCallAsync(async cancel =>
        {
            var scheduling = await services.SchedulingAsync();
            Visit = await scheduling.GetVisitAsync(new GetVisitRequest { VisitId = id }, cancellationToken: cancel);
            Form.IdNumbers = [.. Form.IdNumbers.Concat(Enumerable.Repeat<string?>(null, Visit.Visitors.Count)).Take(Math.Max(1, Visit.Visitors.Count))];
        });
}
