using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Contracts.Grpc.PrisonApproval;

namespace Visitation.Console.Pages.VisitCentre.Register;

/// <summary>
/// The register import: the officer uploads the prison's list (CSV or Excel), sees every line read with
/// its problems beside it, and only on confirming are the readable lines sent through ImportInmates.
/// Between the two steps the lines travel in the confirming form (as ImportInmates' request), so nothing
/// is kept on the server and nothing is written before the officer says so. The upload is bounded.
/// </summary>
[RequestSizeLimit(RegisterFile.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = RegisterFile.MaxBytes + 64 * 1024, ValueLengthLimit = 8 * 1024 * 1024)]
public sealed class IndexModel(ServiceClients services) : ConsolePage
{
    public IReadOnlyList<RegisterRow> Rows { get; private set; } = [];

    /// <summary>The readable lines as ImportInmates' request (JSON), carried by the confirming form.</summary>
    public string? Pending { get; private set; }

    public string? FileProblem { get; private set; }

    [TempData]
    public string? Imported { get; set; }

    public void OnGet()
    {
    }

    public FileResult OnGetTemplate() =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(RegisterFile.Template)).ToArray(), "text/csv", "罪犯名册模板.csv");

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            FileProblem = "请选择要导入的名册文件";
        }
        else if (file.Length > RegisterFile.MaxBytes)
        {
            FileProblem = $"文件不能超过{RegisterFile.MaxBytes / 1024 / 1024}MB，请分批导入";
        }
        else
        {
            await using var content = new MemoryStream();
            await file.CopyToAsync(content, HttpContext.RequestAborted);
            content.Position = 0;
            var (lines, problem) = RegisterFile.Read(content, file.FileName);
            FileProblem = problem ?? (lines!.Count == 0 ? "文件中没有罪犯名单" : lines.Count > RegisterFile.MaxRows ? $"一次最多导入{RegisterFile.MaxRows}行，请分批导入" : null);
            if (FileProblem is null)
            {
                Rows = RegisterRows.Read(lines!);
                var request = new ImportInmatesRequest();
                request.Inmates.AddRange(Rows.Where(r => r.Valid).Select(r => r.Inmate));
                Pending = request.Inmates.Count > 0 ? JsonFormatter.Default.Format(request) : null;
            }
        }

        if (FileProblem is not null)
        {
            Errors.ShowField(ModelState, "Upload", "file", FieldLabels.RegisterImport, FileProblem);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string pending)
    {
        ImportInmatesRequest request;
        try
        {
            request = JsonParser.Default.Parse<ImportInmatesRequest>(pending ?? string.Empty);
        }
        catch (InvalidProtocolBufferException)
        {
            Errors.ShowField(ModelState, "Upload", "file", FieldLabels.RegisterImport, "待导入的名单已失效，请重新上传文件");
            return Page();
        }

        try
        {
            var reply = await (await services.PrisonApprovalAsync()).ImportInmatesAsync(request, cancellationToken: HttpContext.RequestAborted);
            Imported = $"已导入{request.Inmates.Count}名罪犯：新增{reply.Created}名，更新{reply.Updated}名。";
            return RedirectToPage();
        }
        catch (RpcException error)
        {
            // The service's field paths name the n-th inmate sent: the labels say "第n名".
            Errors.Show(error, ModelState, "Import", FieldLabels.RegisterImport);
            return Page();
        }
    }
}
