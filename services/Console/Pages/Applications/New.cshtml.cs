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
/// The application form at the counter: fill in, check the answers, submit. The request id is made
/// when the form is first shown and travels with it, so submitting twice (a double click, the back
/// button, a retry after a timeout) files one application: the service answers a repeated id with the first.
/// </summary>
public sealed class NewModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    /// <summary>Whether the page shows the answers to check rather than the form.</summary>
    public bool Checking { get; private set; }

    public IReadOnlyList<string> Months { get; private set; } = [];

    public IReadOnlyList<Prison> Prisons => reference.Prisons;

    public IReadOnlyList<Venue> Venues { get; private set; } = [];

    public ReferenceDataSet Reference => reference;

    public void OnGet()
    {
        Prepare();
        Form.RequestId = Guid.NewGuid().ToString();
        Form.VisitMonth = Months.Count > 1 ? Months[1] : Months[0];
    }

    /// <summary>"下一步": the answers, read back for the family to confirm.</summary>
    public void OnPostCheck()
    {
        Prepare();
        Checking = true;
    }

    /// <summary>"返回修改": the form again, as filled in.</summary>
    public void OnPostEdit() => Prepare();

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
            return Page();
        }
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
