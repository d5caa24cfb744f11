using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace Visitation.Console.Pages.Reports;

/// <summary>
/// The report's tables as files: a CSV with one line per figure (table, organisation, its id, month,
/// category, item, value; UTF-8 with a byte-order mark so Excel reads the Chinese), and an Excel
/// workbook with one sheet per table laid out as the page shows it.
/// </summary>
public static class ReportFiles
{
    public static readonly string[] CsvHeader = ["表", "单位", "单位编号", "月份", "分类", "项目", "数值"];

    public static byte[] Csv(IReadOnlyList<ReportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteRecord(CsvHeader);
            foreach (var table in tables)
            {
                foreach (var row in table.Rows)
                {
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        csv.WriteRecord([table.Title, row.Organisation, row.OrganisationId, row.Month, row.Category ?? string.Empty,
                            table.Columns[i].Header, table.Columns[i].Format(row.Values[i])]);
                    }
                }
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Workbook(IReadOnlyList<ReportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var workbook = new XLWorkbook();
        foreach (var table in tables)
        {
            var sheet = workbook.Worksheets.Add(SheetName(table.Title));
            string[] headers = ["单位", "单位编号", "月份", .. table.CategoryHeader is { } category ? [category] : Array.Empty<string>(), .. table.Columns.Select(c => c.Header)];
            for (var c = 0; c < headers.Length; c++)
            {
                sheet.Cell(1, c + 1).Value = headers[c];
                sheet.Cell(1, c + 1).Style.Font.Bold = true;
            }

            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                var keys = table.CategoryHeader is null ? new[] { row.Organisation, row.OrganisationId, row.Month } : [row.Organisation, row.OrganisationId, row.Month, row.Category ?? string.Empty];
                for (var c = 0; c < keys.Length; c++)
                {
                    // Text, never a number or date Excel would guess ("2026-02" is a month, not a date).
                    sheet.Cell(r + 2, c + 1).SetValue(keys[c]);
                    sheet.Cell(r + 2, c + 1).DataType = XLDataType.Text;
                }

                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var cell = sheet.Cell(r + 2, keys.Length + c + 1);
                    cell.Value = Math.Round(row.Values[c], table.Columns[c].Hours ? 1 : 0);
                    cell.Style.NumberFormat.Format = table.Columns[c].Hours ? "0.0" : "0";
                }
            }

            sheet.SheetView.FreezeRows(1);
        }

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    // A sheet's name: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string title) =>
        new([.. title.Where(c => ":\\/?*[]".IndexOf(c, StringComparison.Ordinal) < 0).Take(31)]);
}
