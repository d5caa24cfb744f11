using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Applications;

/// <summary>
/// The clerk hands in what a reviewing stage sent the application back for (退回补正, docs/send-back.md):
/// documents added and visitors corrected, then the application returns to that stage. Every visitor is
/// sent (empty fields: unchanged), so a violation's <c>visitors[i]</c> is the form's row i. The request id
/// is the form's: a double submit resubmits once.
/// </summary>
public sealed class ResubmitModel(ServiceClients services, ReferenceDataSet reference) : OneApplicationPage(services, reference)
{
    [BindProperty]
    public ResubmitForm Resubmission { get; set; } = new();

    public async Task OnGetAsync(string id) => await LoadAsync(id);

    /// <summary>The last day to hand the material in: the office's time ends at that day's midnight (China time).</summary>
    public static string LastDay(Google.Protobuf.WellKnownTypes.Timestamp resubmitBy)
    {
        ArgumentNullException.ThrowIfNull(resubmitBy);
        var end = resubmitBy.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        return DateOnly.FromDateTime(end.DateTime).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        try
        {
            var applications = await Services.ApplicationsAsync();
            await applications.ResubmitApplicationAsync(Resubmission.ToRequest(id), cancellationToken: HttpContext.RequestAborted);
            return Redirect($"/Applications/{Uri.EscapeDataString(id)}");
        }
        catch (RpcException error)
        {
            await LoadAsync(id);
            Errors.Show(error, ModelState, nameof(Resubmission), FieldLabels.Resubmit);
            return Page();
        }
    }
}

public sealed class ResubmitForm
{
    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public List<VisitorCorrectionForm> Visitors { get; set; } = [];

    public string? Note { get; set; }

    public ResubmitApplicationRequest ToRequest(string applicationId)
    {
        var request = new ResubmitApplicationRequest { ApplicationId = applicationId, RequestId = RequestId, Note = Note?.Trim() ?? string.Empty };
        request.Visitors.AddRange(Visitors.Select((visitor, index) =>
        {
            var correction = new VisitorCorrection
            {
                VisitorIndex = index,
                Name = visitor.Name?.Trim() ?? string.Empty,
                IdNumber = visitor.IdNumber?.Trim() ?? string.Empty,
                Relation = visitor.Relation,
            };
            correction.AddedDocuments.AddRange(visitor.AddedDocuments);
            return correction;
        }));
        return request;
    }
}

/// <summary>One visitor's corrections; what is left empty stays as filed.</summary>
public sealed class VisitorCorrectionForm
{
    public string? Name { get; set; }

    public string? IdNumber { get; set; }

    public Relation Relation { get; set; }

    public List<DocumentKind> AddedDocuments { get; set; } = [];
}
