using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Console.Vocabulary;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Console.Pages.Reports;

/// <summary>
/// 统计报表: the figures of the person's organisation (the application service scopes them by the token)
/// over whole months, as charts with their tables, and as CSV or Excel. An export asks the service with
/// its format, so the service audits it (<c>ReportExported</c>) before the figures leave; the page adds
/// no trail of its own.
/// </summary>
public sealed class IndexModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public ReportForm Form { get; set; } = new();

    public ReportFigures? Figures { get; private set; }

    public string OrganisationName => reference.NameOf(Organisation);

    public async Task OnGetAsync()
    {
        Figures = await FiguresAsync(ReportExport.Unspecified);
    }

    public Task<IActionResult> OnPostCsvAsync() =>
        ExportAsync(ReportExport.Csv, tables => File(ReportFiles.Csv(tables), "text/csv; charset=utf-8", Form.FileName("csv")));

    public Task<IActionResult> OnPostXlsxAsync() =>
        ExportAsync(ReportExport.Xlsx, tables => File(ReportFiles.Workbook(tables),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Form.FileName("xlsx")));

    private async Task<IActionResult> ExportAsync(ReportExport format, Func<IReadOnlyList<ReportTable>, IActionResult> file)
    {
        Figures = await FiguresAsync(format);
        return Figures is null ? Page() : file(Figures.Tables);
    }

    private async Task<ReportFigures?> FiguresAsync(ReportExport export)
    {
        Form.WithDefaults(clock.GetUtcNow(), reviewer: User.IsInRole(Roles.Reviewer));
        ApplicationReportReply? reply = null;
        try
        {
            var applications = await services.ApplicationsAsync();
            reply = await applications.GetApplicationReportAsync(Form.ToRequest(export), cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, nameof(Form), FieldLabels.Report);
        }

        return reply is null ? null : ReportFigures.From(reply, reference);
    }
}
