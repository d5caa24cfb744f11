using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Console.Forms;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Applications;

/// <summary>
/// The application form at the counter, in steps: the inmate, the visitors with the documents shown,
/// guardian and contact, the month with venue and preferred days (beside the office's own applications
/// for the inmate in the months offered), then the answers to check and submit. Each step is one plain
/// POST that carries every other step's answers as hidden fields, so it works without script and
/// nothing is kept on the server between steps. The request id is made when the form is first shown
/// and travels with it, so submitting twice (a double click, the back button, a retry after a timeout)
/// files one application: the service answers a repeated id with the first. The service checks the
/// whole application once, at submit; a refusal shows every field on one page, each violation beside it.
/// </summary>
public sealed class NewModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    /// <summary>The step shown (the check of the answers is the last).</summary>
    public ApplicationStep Step { get; private set; } = ApplicationStep.Inmate;

    /// <summary>After a refusal: every step's fields on one page, so each violation sits beside its field.</summary>
    public bool ShowAll { get; private set; }

    /// <summary>Whether the page shows the answers to check rather than the form.</summary>
    public bool Checking => Step == ApplicationStep.Check;

    public IReadOnlyList<string> Months { get; private set; } = [];

    public IReadOnlyList<Prison> Prisons => reference.Prisons;

    public IReadOnlyList<Venue> Venues { get; private set; } = [];

    public ReferenceDataSet Reference => reference;

    /// <summary>The office's own applications for this inmate in the months the form offers (null: not looked up on this step).</summary>
    public MonthSoFar? MonthSoFar { get; private set; }

    /// <summary>Whether a step's fields are shown as fields (the others travel hidden).</summary>
    public bool Shows(ApplicationStep step) => ShowAll || Step == step;

    public void OnGet()
    {
        Prepare();
        Form.RequestId = Guid.NewGuid().ToString();
        Form.VisitMonth = Months.Count > 1 ? Months[1] : Months[0];
    }

    /// <summary>"下一步", "上一步" or a check page's "修改": the step the button names, with everything typed so far.</summary>
    public async Task OnPostGoAsync(ApplicationStep to)
    {
        Prepare();
        Step = Enum.IsDefined(to) ? to : ApplicationStep.Inmate;
        if (Step is ApplicationStep.Arrangement or ApplicationStep.Check)
        {
            await LookUpMonthSoFarAsync();
        }
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        Prepare();
        var filled = VisitorRows.Filled(Form.Visitors);
        try
        {
            var applications = await services.ApplicationsAsync();
            var reply = await applications.SubmitApplicationAsync(Form.ToRequest(filled), cancellationToken: HttpContext.RequestAborted);
            return RedirectToPage("Receipt", new { id = reply.ApplicationId });
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, nameof(Form), FieldLabels.Submission, path => VisitorRows.ToFormPath(path, filled));
            ShowAll = true;
            await LookUpMonthSoFarAsync();
            return Page();
        }
    }

    private async Task LookUpMonthSoFarAsync()
    {
        if (string.IsNullOrWhiteSpace(Form.Inmate.Name))
        {
            return;
        }

        await TryCallAsync(async cancel =>
            MonthSoFar = await MonthSoFar.ReadAsync(await services.ApplicationsAsync(), Form.Inmate, Months, cancel));
    }

    private void Prepare()
    {
        Months = MonthChoices.From(clock);
        var office = reference.Office(User.FindFirst("org")?.Value ?? string.Empty);
        Venues = [.. reference.Venues.Where(venue => venue.CountyId == office?.CountyId)];
        Form.Visitors = VisitorRows.Padded(Form.Visitors);
        Form.PreferredDates = [.. Form.PreferredDates.Concat(Enumerable.Repeat(string.Empty, 3)).Take(3)];
    }
}

/// <summary>The form's steps, in order; the number is the step's place ("第2步，共5步").</summary>
public enum ApplicationStep
{
    Inmate = 1,
    Visitors = 2,
    GuardianAndContact = 3,
    Arrangement = 4,
    Check = 5,
}

public sealed class ApplicationForm
{
    public string? RequestId { get; set; }

    public InmateFields Inmate { get; set; } = new();

    public List<VisitorFields> Visitors { get; set; } = VisitorRows.Empty();

    public string? VisitMonth { get; set; }

    public string? VenueId { get; set; }

    public List<string> PreferredDates { get; set; } = [];

    public PartOfDay PreferredPartOfDay { get; set; }

    public SubmitApplicationRequest ToRequest(IReadOnlyList<(int Row, VisitorFields Visitor)> filled)
    {
        ArgumentNullException.ThrowIfNull(filled);
        var request = new SubmitApplicationRequest
        {
            RequestId = RequestId ?? string.Empty,
            Inmate = new InmateAsKnown { Name = Inmate.Name ?? string.Empty, PrisonId = Inmate.PrisonId ?? string.Empty, PrisonArea = Inmate.PrisonArea ?? string.Empty },
            VisitMonth = VisitMonth ?? string.Empty,
            VenueId = VenueId ?? string.Empty,
            PreferredPartOfDay = PreferredPartOfDay,
        };
        request.PreferredDates.AddRange(PreferredDates.Where(date => !string.IsNullOrWhiteSpace(date)));
        request.Visitors.AddRange(filled.Select(row => new VisitorInput
        {
            Name = row.Visitor.Name ?? string.Empty,
            IdNumber = row.Visitor.IdNumber ?? string.Empty,
            Phone = row.Visitor.Phone ?? string.Empty,
            Relation = row.Visitor.Relation ?? Relation.Unspecified,
            Documents = { row.Visitor.Documents.Distinct() },
            IsContact = row.Visitor.IsContact,
            IsGuardian = row.Visitor.IsGuardian,
        }));
        return request;
    }
}
