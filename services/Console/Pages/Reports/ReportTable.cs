using System.Globalization;

namespace Visitation.Console.Pages.Reports;

/// <summary>A figure column: its header, and whether it holds hours (one decimal) or a count.</summary>
public sealed record ReportColumn(string Header, bool Hours = false)
{
    public string Format(double value) => value.ToString(Hours ? "0.0" : "0", CultureInfo.InvariantCulture);
}

/// <summary>One row: the organisation (name and id), the month, an optional category (a stage, a reason), the figures.</summary>
public sealed record ReportRow(string Organisation, string OrganisationId, string Month, string? Category, IReadOnlyList<double> Values);

/// <summary>
/// One table of the report as the page, the CSV and the Excel file all show it: the page renders it,
/// the CSV writes it long (one line per figure), the workbook gives it a sheet.
/// </summary>
public sealed record ReportTable(string Title, string? CategoryHeader, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows);
